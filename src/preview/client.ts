// The preview page's own script, served as text by the preview server (it runs in the browser,
// so it uses nothing from outside this function). It listens for updates, swaps in the newly
// rendered booklet without a reload (fonts stay loaded, the scroll position stays), shows data
// errors as an overlay, and marks fixed pages whose content is too long for the page.

/** Runs in the browser; `flow` is print/flow-sheets.ts, so spreads flow as in the PDF. */
export function previewClient(flow: () => unknown): void {
  const MM = 96 / 25.4;
  let shown = -1;

  const overlay = document.createElement("div");
  overlay.className = "preview-overlay";
  overlay.setAttribute("role", "alert");
  const status = document.createElement("div");
  status.className = "preview-status";

  function attachChrome(): void {
    document.body.append(overlay, status);
  }

  function escapeHtml(s: string): string {
    return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
  }

  /** Page numbers of the last printed booklet beside each page start, and in the TOC. */
  function showPageNumbers(labels: Record<string, string>): void {
    for (const ref of document.querySelectorAll<HTMLElement>("[data-page-of]")) ref.textContent = labels[ref.dataset.pageOf ?? ""] ?? "–";
    for (const start of document.querySelectorAll<HTMLElement>("[data-start]")) {
      const label = labels[start.id];
      if (label) start.dataset.previewPage = `p.${label}`;
    }
  }

  /** Fixed pages (spreads, districts) whose content does not fit even after flowing: outlined, with the overflow. */
  function markOverflows(): void {
    for (const sheet of document.querySelectorAll<HTMLElement>(".sheet")) {
      // The 各ページの見方 miniature shows the start of a spread, clipped by design (the print
      // stage does not measure it either: print/measure-pages.ts).
      if (sheet.closest(".how-to-read__mini")) continue;
      const over = sheet.scrollHeight - sheet.clientHeight;
      if (over > 1) sheet.dataset.previewOverflow = `ページに収まりません（約 ${Math.round(over / MM)} mm はみ出し）`;
      else delete sheet.dataset.previewOverflow;
    }
  }

  /**
   * Replaces only what changed: an edit to one policy re-lays out one spread, not the whole
   * booklet (which takes most of a second). The previous and the new HTML are compared (not the
   * page, whose spreads the balancing has rearranged), a few levels deep. The ids of the flowed
   * spreads put in anew go into `replaced`.
   */
  function patch(live: Element, before: Element, after: Element, depth: number, replaced: Set<string>): void {
    // A flowed spread was rearranged in place (and may have continuations after it): it is
    // replaced whole and flowed again.
    if (before.hasAttribute("data-flow-spread")) {
      while (live.nextElementSibling?.classList.contains("spread--continued")) live.nextElementSibling.remove();
      live.replaceWith(document.importNode(after, true));
      replaced.add(after.id);
      return;
    }
    const sameShell = before.tagName === after.tagName && before.children.length === after.children.length &&
      before.attributes.length === after.attributes.length && [...before.attributes].every((a) => after.getAttribute(a.name) === a.value);
    if (!sameShell || depth > 3 || live.children.length !== before.children.length) {
      live.replaceWith(document.importNode(after, true));
      for (const spread of after.querySelectorAll("[data-flow-spread]")) replaced.add(spread.id);
      return;
    }
    const kids = [...live.children];
    [...before.children].forEach((child, i) => {
      if (child.outerHTML !== after.children[i]!.outerHTML) patch(kids[i]!, child, after.children[i]!, depth + 1, replaced);
    });
  }
  let previous: Document | undefined;

  async function update(): Promise<void> {
    // Both at once: the booklet is fetched even if it did not change (a cheap local request).
    const [stateResponse, page] = await Promise.all([fetch("/__preview/state", { cache: "no-store" }), fetch("/", { cache: "no-store" })]);
    const state = (await stateResponse.json()) as {
      version: number; errors: string[]; warnings: number; renderedAt: string; labels: Record<string, string>;
    };
    if (state.version !== shown && state.version > 0) {
      const text = await page.text();
      const next = new DOMParser().parseFromString(text, "text/html");
      if (shown !== -1) {
        const y = window.scrollY;
        const oldStyle = document.head.querySelector("style");
        const newStyle = next.head.querySelector("style");
        if (oldStyle && newStyle && oldStyle.textContent !== newStyle.textContent) oldStyle.textContent = newStyle.textContent;
        overlay.remove();
        status.remove();
        const replaced = new Set<string>();
        if (previous) patch(document.body, previous.body, next.body, 0, replaced);
        else document.body.replaceWith(document.importNode(next.body, true));
        // 各ページの見方 shows the first candidate whose spread fits (print/flow-sheets.ts): when a
        // candidate's spread flowed anew, its candidates come back, to be chosen again.
        const howToRead = next.querySelector(".how-to-read");
        if (howToRead?.id && [...howToRead.querySelectorAll<HTMLElement>("[data-mini-of]")].some((mini) => replaced.has(mini.dataset.miniOf ?? ""))) {
          document.getElementById(howToRead.id)?.replaceWith(document.importNode(howToRead, true));
        }
        attachChrome();
        window.scrollTo(0, y);
      }
      previous = next;
      shown = state.version;
      document.documentElement.dataset.previewVersion = String(shown);
    }
    showPageNumbers(state.labels);
    await document.fonts.ready;
    flow();
    markOverflows();
    if (state.errors.length > 0) {
      overlay.innerHTML =
        `<h2>データにエラーがあります（${state.errors.length} 件）</h2>` +
        `<p>直して保存すると、この表示は自動で消えます。下の冊子は最後に正しく表示できたものです。</p>` +
        state.errors.map((e) => `<pre>${escapeHtml(e)}</pre>`).join("");
      overlay.hidden = false;
    } else {
      overlay.hidden = true;
      overlay.innerHTML = "";
    }
    const over = document.querySelectorAll("[data-preview-overflow]").length;
    status.textContent = `plan-press プレビュー　更新 ${state.renderedAt}` +
      (state.errors.length ? `　エラー ${state.errors.length} 件` : "") +
      (state.warnings ? `　警告 ${state.warnings} 件` : "") +
      (over ? `　収まらないページ ${over}` : "");
  }

  attachChrome();
  overlay.hidden = true;
  let running = Promise.resolve();
  const queue = () => (running = running.then(update).catch(() => undefined));
  const events = new EventSource("/__preview/events");
  events.addEventListener("update", queue);
  // The server stopped or restarted: say so instead of showing a stale page as current.
  events.onerror = () => (status.textContent = "plan-press プレビュー　サーバーに接続できません（preview を起動し直してください）");
}

// The preview page's own script, served as text by the preview server (it runs in the browser,
// so it uses nothing from outside this function). It listens for updates, swaps in the newly
// rendered booklet without a reload (fonts stay loaded, the scroll position stays), shows data
// errors as an overlay, and marks fixed pages whose content is too long for the page.

/** Runs in the browser; `balance` is print/balance-spreads.ts, so spreads flow as in the PDF. */
export function previewClient(balance: () => number): void {
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

  /** Fixed pages (spreads, districts) whose content does not fit: outlined, with the overflow. */
  function markOverflows(): void {
    for (const sheet of document.querySelectorAll<HTMLElement>("[data-fit]")) {
      const over = sheet.scrollHeight - sheet.clientHeight;
      if (over > 1) sheet.dataset.previewOverflow = `ページに収まりません（約 ${Math.round(over / MM)} mm はみ出し）`;
      else delete sheet.dataset.previewOverflow;
    }
  }

  async function update(): Promise<void> {
    const state = (await (await fetch("/__preview/state", { cache: "no-store" })).json()) as {
      version: number; errors: string[]; warnings: number; renderedAt: string; labels: Record<string, string>;
    };
    if (state.version !== shown && state.version > 0) {
      const text = await (await fetch("/", { cache: "no-store" })).text();
      const next = new DOMParser().parseFromString(text, "text/html");
      if (shown !== -1) {
        const y = window.scrollY;
        const oldStyle = document.head.querySelector("style");
        const newStyle = next.head.querySelector("style");
        if (oldStyle && newStyle && oldStyle.textContent !== newStyle.textContent) oldStyle.textContent = newStyle.textContent;
        document.body.replaceWith(document.adoptNode(next.body));
        attachChrome();
        window.scrollTo(0, y);
      }
      shown = state.version;
      document.documentElement.dataset.previewVersion = String(shown);
    }
    showPageNumbers(state.labels);
    await document.fonts.ready;
    if (document.body.dataset.balanced !== String(shown)) {
      balance();
      document.body.dataset.balanced = String(shown);
    }
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

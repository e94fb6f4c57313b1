// Issue "Committee drafts": the live preview. Driven with the real Chromium through puppeteer,
// as a member of staff would use it: open the page, save an edit, watch it appear; save a
// broken file, see where it is broken; fix it, see the booklet again.
import { execFileSync, spawn } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, renameSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "puppeteer";
import { startPreview, type PreviewServer } from "../src/preview/server.js";
import { openBrowser, type BrowserHandle } from "../src/print/browser.js";
import { edit, fixtureCopy, lineOf, smallPlan } from "./helpers/data-copy.js";
import { ownChromiums } from "./helpers/processes.js";

const ROOT = path.resolve(import.meta.dirname, "..");
let data: string;
let server: PreviewServer;
let browser: BrowserHandle;
let page: Page;
const text = () => page.evaluate(() => document.body.innerText.replace(/\s+/g, ""));

beforeAll(async () => {
  // The second plan: the preview of any plan, at a third of the sample's pages to lay out on every save.
  data = fixtureCopy();
  server = await startPreview({ dataDir: data, edition: "official", port: 0, pageLabels: () => ({ "policy-1-1": "38" }) });
  browser = await openBrowser({ timeout: 60_000 });
  page = await browser.browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  await page.goto(server.url, { waitUntil: "load" });
  await page.waitForFunction(() => document.documentElement.dataset.previewVersion === "1");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("plan-press preview", () => {
  it("serves the booklet on the loopback address, with the last PDF's page numbers", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await text()).toContain("全ての子どもが、自分のよさを生かして学び");
    expect(await page.$eval("#policy-1-1", (el) => (el as HTMLElement).dataset.previewPage)).toBe("p.38");
  });

  it("shows a saved edit without a manual reload", async () => {
    edit(data, "policies/1-1.yaml", "全ての子どもが、自分のよさを生かして学び、", "保護者がプレビューで確かめながら、");
    await page.waitForFunction(() => document.body.innerText.includes("保護者がプレビューで確かめながら"), { timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.previewVersion)).toBe("2");
  });

  it("sees every save of an editor that writes a temporary file and renames it over the old one", async () => {
    const file = path.join(data, "policies/3-1.yaml");
    for (const title of ["水と緑の保全（一回目）", "水と緑の保全（二回目）"]) {
      const temp = `${file}.swp-${Date.now()}`;
      writeFileSync(temp, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: ${title}`));
      renameSync(temp, file);
      await page.waitForFunction((t: string) => document.body.innerText.includes(t), { timeout: 15_000 }, title);
    }
  });

  it("shows a data error over the page with file:line, and recovers when the file is fixed", async () => {
    const file = path.join(data, "policies/2-1.yaml");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace(/^vision: >-$/m, "vision: [閉じ忘れ"));
    const line = lineOf(data, "policies/2-1.yaml", "vision: [閉じ忘れ");
    await page.waitForFunction(() => !document.querySelector<HTMLElement>(".preview-overlay")!.hidden, { timeout: 15_000 });
    const overlay = await page.$eval(".preview-overlay", (el) => (el as HTMLElement).innerText);
    expect(overlay).toContain("データにエラーがあります");
    expect(overlay).toMatch(new RegExp(`policies/2-1\\.yaml:${line}:9: エラー`));
    expect(overlay).toContain("直し方");
    // The last good booklet stays under the overlay.
    expect(await text()).toContain("保護者がプレビューで確かめながら");
    writeFileSync(file, good);
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".preview-overlay")!.hidden, { timeout: 15_000 });
  });

  it("continues a policy's spread whose text grew onto the next spread, as the PDF will, and marks only what cannot flow", async () => {
    const long = "  市民の健康づくりを地域全体で支える取組を、これまで以上に多くの主体とともに進める必要があります。".repeat(10);
    edit(data, "policies/2-1.yaml", /^issues: \|\n/m, `issues: |\n${[1, 2, 3, 4, 5, 6].map(() => long).join("\n\n")}\n\n`);
    await page.waitForFunction(() => document.getElementById("policy-2-1")?.nextElementSibling?.classList.contains("spread--continued"), { timeout: 15_000 });
    expect(await page.$("[data-preview-overflow]")).toBeNull();
    edit(data, "policies/2-1.yaml", /\nvision: >-\n/, `\nvision: >-\n  ${"誰もが健康で生き生きと暮らし、".repeat(120)}\n`);
    await page.waitForFunction(() => document.querySelector("[data-preview-overflow]") !== null, { timeout: 15_000 });
    const message = await page.$eval("[data-preview-overflow]", (el) => (el as HTMLElement).dataset.previewOverflow);
    expect(message).toMatch(/約 \d+ mm はみ出し/);
    // Only that spread is marked (the second plan's divider does not repeat its 基本施策' visions),
    // not the 各ページの見方 miniature, which shows a spread's start clipped by design.
    expect(await page.$$eval("[data-preview-overflow]", (all) => all.map((el) => el.closest<HTMLElement>("[data-fit]")?.dataset.fit))).toEqual(["基本施策 2-1"]);
  });

  it("shows in 各ページの見方 the first policy whose spread still fits, chosen again when an edit makes it continue", async () => {
    // The second plan's 1-1 continues onto a second spread, so its page shows 1-2 (print/flow-sheets.ts).
    const shown = () => page.$eval(".how-to-read__mini", (mini) => mini.textContent ?? "");
    expect(await shown()).toContain("生涯学習と文化の振興");
    // A longer 現状と課題 that still fits its spread (the miniature draws it too)…
    const long = "  生涯学習の機会を、誰もが身近な場所で選べるよう、施設と講座のあり方を見直していく必要があります。".repeat(5);
    edit(data, "policies/1-2.yaml", /^issues: \|\n/m, `issues: |\n${Array.from({ length: 10 }, () => long).join("\n\n")}\n\n`);
    await page.waitForFunction(() => document.querySelector(".how-to-read__mini")?.textContent?.includes("施設と講座のあり方"), { timeout: 15_000 });
    expect(await page.$eval("#policy-1-2", (spread) => spread.nextElementSibling?.classList.contains("spread--continued"))).toBe(false);
    // …then past values for its indicator: a trend chart, which only the spread draws, takes it onto
    // a second spread while the miniature's HTML stays the same.
    edit(data, "policies/1-2.yaml", "        baseline: { value: 1200, year: 2024 }", "$&\n        history:\n          2021年度: 1000\n          2022年度: 1100\n          2023年度: 1150");
    await page.waitForFunction(() => document.getElementById("policy-1-2")?.nextElementSibling?.classList.contains("spread--continued"), { timeout: 15_000 });
    expect(await shown()).toContain("スポーツに親しむ環境づくり");
    expect(await page.$$eval(".how-to-read__mini", (all) => all.length)).toBe(1);
  });

  it("answers only this machine's browser and only the booklet's own files", async () => {
    const status = (pathname: string, host?: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(server.url);
        const req = request({ host: url.hostname, port: url.port, path: pathname, headers: host ? { host } : {} }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status("/")).toBe(200);
    expect(await status("/", "attacker.example:80")).toBe(403);
    expect(await status("/data/edition.yaml")).toBe(404);
    expect(await status("/../../etc/passwd")).toBe(404);
    expect(await status("/package.json")).toBe(404);
  });
});

describe("plan-press build --watch", () => {
  it("rebuilds the PDF after a save, keeps the last good one after a bad save, and stops on Ctrl-C", async () => {
    // The six-page booklet: the watch does not depend on the pages, and it prints twice.
    const dir = smallPlan();
    const out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-watch-")), "plan.pdf");
    const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--watch", "--data", dir, "--out", out], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    const until = async (what: () => boolean, label: string) => {
      for (let i = 0; i < 600 && !what(); i++) await new Promise((r) => setTimeout(r, 200));
      if (!what()) throw new Error(`timed out waiting for ${label}\n${stderr}`);
    };
    const builds = () => stdout.split("完成:").length - 1;
    const waiting = () => stderr.split("保存を待っています").length - 1;
    try {
      await until(() => waiting() >= 1, "the first build");
      expect(builds()).toBe(1);
      edit(dir, "text/hajimeni.md", /^# 計画策定の趣旨$/m, "# 計画策定の趣旨と監視ビルドの確認");
      await until(() => waiting() >= 2, "the rebuild");
      expect(builds()).toBe(2);
      expect(execFileSync("pdftotext", [out, "-"], { encoding: "utf8" }).replace(/\s/g, "")).toContain("計画策定の趣旨と監視ビルドの確認");
      const good = readFileSync(out);
      edit(dir, "policies/3-1.yaml", /^vision: >-$/m, "vision: [閉じ忘れ");
      await until(() => waiting() >= 3, "the refused rebuild");
      expect(stderr).toMatch(/policies\/3-1\.yaml:\d+:\d+: エラー/);
      expect(readFileSync(out).equals(good)).toBe(true);
    } finally {
      child.kill("SIGINT");
    }
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(stderr).toContain("監視を終了しました");
    expect(await ownChromiums(child.pid!)).toEqual([]);
  });
});

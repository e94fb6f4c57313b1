// The official booklet, printed by the real Chromium and read back by poppler and qpdf.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, checkData, type BuildResult } from "../src/build.js";
import { DATA, MIDORINO, dataCopy, edit, smallPlan } from "./helpers/data-copy.js";
import { shared } from "./helpers/shared-builds.js";
import { flatten, labelOf, pageText, qpdfJson, run, type OutlineItem } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const policies = checkData(DATA).data!.policies;
let out: string;
let result: BuildResult;
let outline: OutlineItem[];
let labels: ReturnType<typeof qpdfJson>["pagelabels"];
const squash = (s: string) => s.replace(/\s+/g, "");

/** A copy of the shared set, for the tests that build again or try to spoil it. */
let mine: string;

beforeAll(async () => {
  ({ out, result } = await shared("official"));
  ({ outlines: outline, pagelabels: labels } = qpdfJson(out));
  // As deep as the shared set: the HTML's relative links to the data's images are the same.
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-e2e-")), "official");
  cpSync(path.dirname(out), dir, { recursive: true });
  mine = path.join(dir, path.basename(out));
});

describe("the official booklet", () => {
  it("embeds only the BIZ UD fonts, as CID TrueType, never Type 3", () => {
    const rows = run("pdffonts", [out]).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/BIZUDP(Gothic|Mincho)/);
      expect(row).toContain("CID TrueType");
      expect(row).not.toContain("Type 3");
      expect(row.split(/\s+/).slice(-5)[0]).toBe("yes"); // emb
    }
  });

  it("extracts all 34 重点施策 titles as text, with no radical code points", () => {
    const text = run("pdftotext", [out, "-"]);
    expect(policies).toHaveLength(34);
    for (const p of policies) expect(squash(text)).toContain(squash(p.title));
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/u);
  });

  it("for each 重点施策: bookmark page = page carrying the title = TOC number = number printed on it", () => {
    const toc = [pageText(out, 3), pageText(out, 4), pageText(out, 5)].join("\n");
    const bookmarks = flatten(outline);
    for (const p of policies) {
      const mark = bookmarks.find((b) => b.title === `${p.id}　${p.title}`)!;
      expect(mark, p.id).toBeDefined();
      const page = mark.destpageposfrom1;
      const label = labelOf(labels, page);
      expect(squash(pageText(out, page))).toContain(squash(p.title));
      // The folio at the foot of the page prints the same number the viewer's page box shows.
      const lines = pageText(out, page).split("\n").map((l) => l.trim()).filter(Boolean);
      expect(lines.at(-1), `folio of ${p.id}`).toBe(label);
      // The TOC line of this policy ends with that number.
      const tocLine = toc.split("\n").find((l) => squash(l).includes(squash(p.title)))!;
      expect(tocLine, `TOC line of ${p.id}`).toMatch(new RegExp(`\\s${label}\\s*$`));
      expect(result.pageLabels.get(`policy-${p.id}`)).toBe(label);
    }
  });

  it("nests bookmarks as the TOC: 8 chapters; 重点施策 holds 各ページの見方 and 7 政策 with their policies", () => {
    expect(outline.map((o) => o.title)).toEqual([
      "第1章　はじめに", "第2章　計画の体系", "第3章　地区別計画", "第4章　重点プロジェクト（伊勢崎市版総合戦略）",
      "第5章　重点施策との対応", "第6章　重点施策", "第7章　個別計画一覧", "第8章　資料編",
    ]);
    const chapter = outline[5]!;
    expect(chapter.kids.map((k) => k.kids.length)).toEqual([0, 5, 7, 5, 6, 4, 3, 4]);
    expect(outline[3]!.kids.filter((k) => /^重点プロジェクト\d/.test(k.title))).toHaveLength(5);
  });

  it("labels pages like the print: front matter roman, body from 1 where the first chapter opens", () => {
    expect(labels[0]).toMatchObject({ index: 0, label: { "/S": "/r" } });
    const body = labels[1]!;
    expect(body.label).toMatchObject({ "/S": "/D", "/St": 1 });
    expect(outline[0]!.destpageposfrom1).toBe(body.index + 1);
    expect(squash(pageText(out, body.index + 1))).toContain("はじめに");
  });

  it("opens chapters on right-hand pages, spreads (重点施策, 重点プロジェクト, 政策 dividers) on left-hand pages, ends on an even page", () => {
    for (const chapter of outline) expect(chapter.destpageposfrom1 % 2, chapter.title).toBe(1);
    for (const area of outline[5]!.kids.slice(1)) {
      expect(area.destpageposfrom1 % 2, area.title).toBe(0);
      for (const policy of area.kids) expect(policy.destpageposfrom1 % 2, policy.title).toBe(0);
    }
    for (const project of outline[3]!.kids.slice(1)) expect(project.destpageposfrom1 % 2, project.title).toBe(0);
    expect(result.pageCount % 2).toBe(0);
  });

  it("carries title, author, subject, keywords, language ja, displayed title, and stays tagged", () => {
    const info = run("pdfinfo", [out]);
    expect(info).toMatch(/Title:\s+第3次伊勢崎市総合計画 前期アクションプラン（案）/);
    expect(info).toMatch(/Author:\s+伊勢崎市/);
    expect(info).toMatch(/Subject:\s+伊勢崎市 /);
    expect(info).toMatch(/Keywords:\s+伊勢崎市/);
    expect(info).toMatch(/Tagged:\s+yes/);
    // The catalog alone (a JSON dump of every object took a second of CPU).
    const root = /\/Root (\d+) 0 R/.exec(run("qpdf", ["--show-object=trailer", out]))![1]!;
    const catalog = run("qpdf", [`--show-object=${root}`, out]);
    expect(catalog).toContain("/Lang (ja)");
    expect(catalog).toContain("/DisplayDocTitle true");
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(run("qpdf", ["--check", out])).toContain("No syntax or stream encoding errors");
  });

  it("carries the icons' and maps' alt text into the tagged PDF", () => {
    const qdf = path.join(path.dirname(mine), "o.qdf");
    run("qpdf", ["--qdf", "--object-streams=disable", out, qdf]);
    const alts = [...readFileSync(qdf, "latin1").matchAll(/\/Alt <feff([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, "hex").swap16().toString("utf16le"));
    expect(alts.filter((a) => a.startsWith("SDGs ゴール")).length).toBeGreaterThan(34);
    expect(alts).toContain("地区の区分");
  });

  it("writes the HTML it printed beside the PDF, with the TOC numbers in it", () => {
    const html = readFileSync(out.replace(/\.pdf$/, ".html"), "utf8");
    expect(html).toContain(`data-page-of="policy-1-1">${result.pageLabels.get("policy-1-1")}<`);
    expect(result.blockedRequests).toEqual([]);
    expect(result.continued).toEqual(["重点プロジェクト1"]);
    expect(readdirSync(path.dirname(out)).filter((f) => f.includes(".tmp"))).toEqual([]);
  });


  it("refuses bad data through the CLI and leaves the last good PDF byte-identical", () => {
    const before = readFileSync(mine);
    const dir = dataCopy();
    edit(dir, "policies/2-3.yaml", /\nvision: >-\n(  .*\n)+/, "\n");
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--data", dir, "--out", mine], { encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/policies\/2-3\.yaml:\d+:\d+: エラー: ［目指す姿］ 「目指す姿」がありません/);
    expect(cli.stderr).toContain("前回の PDF はそのままです");
    expect(readFileSync(mine).equals(before)).toBe(true);
  });
});

describe("Ctrl-C during a build", () => {
  it("stops, leaves the previous PDF byte-identical, no temporary file and no Chromium behind", async () => {
    const { spawn } = await import("node:child_process");
    const before = readFileSync(mine);
    // Only this run's Chromium (its profile folder names plan-press's pid): other builds may run beside the tests.
    const chromiums = (pid: number) => run("ps", ["-eo", "stat,args"]).split("\n").filter((l) => l.includes(`plan-press-chromium-${pid}-`) && !l.startsWith("Z")).length;
    const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--out", mine], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // Interrupt once the browser is printing (after HTML生成 is reported).
    await new Promise<void>((resolve) => child.stderr.on("data", () => stderr.includes("HTML生成") && resolve()));
    await new Promise((r) => setTimeout(r, 800));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("中断しました（SIGINT）。前回の PDF はそのままです。");
    expect(readFileSync(mine).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(mine)).filter((f) => f.includes(".tmp"))).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(chromiums(child.pid!)).toBe(0);
  });
});

describe("building again", () => {
  // The second plan (a third of the sample's pages, with its charts and diagrams): what is
  // tested is that nothing of the run (time, folder, order of work) reaches the bytes.
  it("gives the same bytes (in a copy of the shared set: the same hint, the same depth of folders)", async () => {
    const { out: first } = await shared("midorino");
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-again-")), "midorino");
    cpSync(path.dirname(first), dir, { recursive: true });
    const again = path.join(dir, path.basename(first));
    await build({ dataDir: MIDORINO, outFile: again, edition: "official", timeout: 120_000, strict: false });
    expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
  });
});

describe("a remote or pooled Chrome (--browser-ws-endpoint)", () => {
  it("prints the booklet, its files served by plan-press, nothing else loaded, and leaves the browser running", async () => {
    const puppeteer = (await import("puppeteer")).default;
    const { findExecutable, headlessMode, launchArgs } = await import("../src/print/browser.js");
    const remote = await puppeteer.launch({ executablePath: findExecutable(), headless: headlessMode(findExecutable()), args: launchArgs() });
    try {
      // The second plan, as a six-page booklet: what is tested is the hand-over, not the pages.
      const small = smallPlan();
      const remoteOut = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-remote-")), "plan.pdf");
      const localOut = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-local-")), "plan.pdf");
      const local = await build({ dataDir: small, outFile: localOut, edition: "official", timeout: 120_000, strict: false });
      const r = await build({ dataDir: small, outFile: remoteOut, edition: "official", timeout: 120_000, strict: false, browserWsEndpoint: remote.wsEndpoint() });
      expect(r.pageCount).toBe(local.pageCount);
      expect([...r.pageLabels]).toEqual([...local.pageLabels]);
      expect(r.blockedRequests).toEqual([]);
      expect(run("pdffonts", [remoteOut])).not.toContain("Type 3");
      // The remote browser loads the faces from their files; ours has them installed
      // (print/installed-fonts.ts): every word lands at the same place.
      const words = (pdf: string) => run("pdftotext", ["-bbox", pdf, "-"]).split("\n").filter((l) => l.includes("<word "));
      expect(words(remoteOut).length).toBeGreaterThan(20);
      expect(words(remoteOut)).toEqual(words(localOut));
      expect(readFileSync(localOut.replace(/\.pdf$/, ".html"), "utf8")).not.toContain("local(");
      // The shared browser is left running for its other users.
      expect(remote.connected).toBe(true);
    } finally {
      await remote.close();
    }
  });
});

describe("the CLI", () => {
  it("has --help for every command", () => {
    const commands = ["build", "check", "diff", "preview", "pages", "schema"];
    const overview = execFileSync("node", [path.join(ROOT, "bin/plan-press.js"), "--help"], { encoding: "utf8" });
    for (const command of commands) {
      expect(overview).toContain(`plan-press ${command}`);
      const text = execFileSync("node", [path.join(ROOT, "bin/plan-press.js"), command, "--help"], { encoding: "utf8" });
      expect(text, command).toMatch(new RegExp(`^plan-press ${command} — `));
    }
  });

  it("check exits 0 on the shipped data and 1 on an error, 2 on a bad option", () => {
    const ok = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "check"], { encoding: "utf8", cwd: ROOT });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain("検証: 問題ありません");
    const dir = dataCopy();
    edit(dir, "projects/1.yaml", /summary: .*/, "summary: \"\"");
    expect(spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "check", "--data", dir]).status).toBe(1);
    expect(spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--nope"]).status).toBe(2);
  });
});

// Issue "Editions for the print shop and the city website": the print edition's boxes, marks
// and page count, its PDF/X-3 conversion by Ghostscript, and the web edition's files, read back
// by poppler, qpdf and Ghostscript. Both are built from the second plan (the print edition with a
// cover picture): what is tested is how a booklet is made into them, not its pages.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/build.js";
import { edit, fixtureCopy, hintedOut, ownTmp, smallPlan } from "./helpers/data-copy.js";
import { shared } from "./helpers/shared-builds.js";
import { digests, previousBooklet } from "./helpers/previous-set.js";
import { ownGhostscripts, processesWith } from "./helpers/processes.js";
import { flatten, labelOf, pageDifference, pageText, qpdfJson, run, wordsByPage } from "./helpers/pdf-tools.js";

const PT = 25.4 / 72;
const ROOT = path.resolve(import.meta.dirname, "..");

/** plan-press in a child process, with a fault switched on (write/fault.ts). */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; pid: number }> {
  const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr, pid: child.pid! })));
}

/** The pages of a PDF, as poppler reads them. */
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))![1]);
const squash = (s: string) => s.replace(/\s+/g, "");

/** Box sizes in millimetres from `pdfinfo -box` for one page. */
function boxes(pdf: string, page: number): Record<string, { x0: number; y0: number; w: number; h: number }> {
  const out: Record<string, { x0: number; y0: number; w: number; h: number }> = {};
  for (const m of run("pdfinfo", ["-box", "-f", String(page), "-l", String(page), pdf]).matchAll(/(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)/g)) {
    const [x0, y0, x1, y1] = m.slice(2).map(Number) as [number, number, number, number];
    out[m[1]!] = { x0: x0 * PT, y0: y0 * PT, w: (x1 - x0) * PT, h: (y1 - y0) * PT };
  }
  return out;
}

/** A page rendered by poppler as greyscale pixels (the whole MediaBox, marks included). */
function greyPage(pdf: string, page: number, dpi: number): { width: number; height: number; at(x: number, y: number): number } {
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), pdf], { maxBuffer: 64 * 1024 * 1024 });
  // P5 header: "P5\n<w> <h>\n255\n"
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  return { width, height, at: (x, y) => data[y * width + x]! };
}

/** The objects of a PDF as qpdf reads them (values only). */
function partObjects(pdf: string): Record<string, Record<string, unknown>> {
  const json = JSON.parse(run("qpdf", ["--json=2", "--json-key=qpdf", pdf])) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  return Object.fromEntries(Object.entries(json.qpdf[1]).flatMap(([k, o]) => (o.value && typeof o.value === "object" && !Array.isArray(o.value) ? [[k, o.value as Record<string, unknown>]] : [])));
}

/** The catalog's /Dests dictionary (names → destinations) of a PDF. */
function destsOf(pdf: string, catalog: Record<string, unknown>): Record<string, unknown> | undefined {
  const dests = catalog["/Dests"];
  return typeof dests === "string" ? partObjects(pdf)[`obj:${dests}`] : (dests as Record<string, unknown> | undefined);
}


/** RGB colour operators in the pages' content and RGB colour spaces anywhere, read with pdf-lib. */
async function rgbUse(file: string): Promise<{ rgbOperators: number; rgbSpaces: number }> {
  const { PDFDocument, PDFArray, PDFRawStream, decodePDFRawStream } = await import("pdf-lib");
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  let rgbOperators = 0;
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      rgbOperators += (text.match(/(^|\s)(rg|RG)(\s|$)/g) ?? []).length;
    }
  }
  let rgbSpaces = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFRawStream ? object.dict : object;
    if (String(dict).includes("/DeviceRGB")) rgbSpaces++;
  }
  return { rgbOperators, rgbSpaces };
}

describe("the print edition (中綴じ, --pdfx)", () => {
  let print: BuildResult;
  beforeAll(async () => {
    ({ result: print } = await shared("print"));
  });

  it("measures A4 at the trim and A4 + 3 mm on every side at the bleed, on every page, with room for marks", () => {
    for (const page of [1, 2, 42, print.pageCount]) {
      const b = boxes(print.outFile, page);
      expect(b.TrimBox!.w).toBeCloseTo(210, 1);
      expect(b.TrimBox!.h).toBeCloseTo(297, 1);
      expect(b.BleedBox!.w).toBeCloseTo(216, 1);
      expect(b.BleedBox!.h).toBeCloseTo(303, 1);
      expect(b.TrimBox!.x0 - b.BleedBox!.x0).toBeCloseTo(3, 1);
      expect(b.TrimBox!.y0 - b.BleedBox!.y0).toBeCloseTo(3, 1);
      expect(b.MediaBox!.w).toBeGreaterThan(216 + 20);
    }
  });

  it("has crop marks outside the bleed, and nothing of the page there", () => {
    const dpi = 72;
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const b = boxes(print.outFile, 42);
    const page = greyPage(print.outFile, 42, dpi);
    const slug = b.BleedBox!.x0 - b.MediaBox!.x0; // mm between the media edge and the bleed
    // The marks' lines run at the trim's and the bleed's x, in the slug above the page.
    const trimX = px(b.TrimBox!.x0 - b.MediaBox!.x0);
    const bleedX = px(b.BleedBox!.x0 - b.MediaBox!.x0);
    const inSlug = Array.from({ length: px(slug) - 2 }, (_, y) => y + 1);
    const darkAt = (x: number) => inSlug.some((y) => [x - 1, x, x + 1].some((xx) => page.at(xx, y) < 160));
    expect(darkAt(trimX)).toBe(true);
    expect(darkAt(bleedX)).toBe(true);
    // Centre mark above the middle of the page.
    expect(darkAt(Math.round(page.width / 2))).toBe(true);
    // Between the marks, the slug is blank paper.
    const between = px(slug / 2);
    expect(page.at(Math.round(page.width / 3), between)).toBeGreaterThan(240);
  });

  it("runs the cover's colour band into the bleed", () => {
    const dpi = 72;
    const b = boxes(print.outFile, 1);
    const page = greyPage(print.outFile, 1, dpi);
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    // 1.5 mm outside the trim (inside the bleed), 20 mm below the trim's top edge: the band's colour.
    const fromTop = b.MediaBox!.y0 + b.MediaBox!.h - (b.TrimBox!.y0 + b.TrimBox!.h) + 20;
    expect(page.at(px(b.TrimBox!.x0 - b.MediaBox!.x0 - 1.5), px(fromTop))).toBeLessThan(200);
    // …and the slug beyond the bleed stays white.
    expect(page.at(px(b.BleedBox!.x0 - b.MediaBox!.x0 - 4), px(fromTop))).toBeGreaterThan(240);
  });

  it("pads the page count to the binding's multiple with blank pages before the back cover", async () => {
    expect(print.pageCount % 4).toBe(0);
    expect(squash(pageText(print.outFile, print.pageCount))).toContain("発行2026（令和8）年3月");
    // A booklet of six pages is printed on eight for 中綴じ: two blank pages before the back cover.
    const out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-pad-")), "action-plan-print.pdf");
    const r = await cli(["build", "--edition", "print", "--binding", "中綴じ", "--data", smallPlan(), "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(pagesOf(out)).toBe(8);
    expect(squash(pageText(out, 5))).toContain("計画策定の趣旨");
    for (const page of [6, 7]) expect(squash(pageText(out, page)), `p.${page}`).toBe("");
    expect(squash(pageText(out, 8))).toContain("発行2026（令和8）年3月");
  });

  it("converts to PDF/X-3 with Ghostscript: CMYK only, an output intent, fonts embedded, text still text", async () => {
    const file = print.pdfx!.file;
    expect(print.pdfx!.version).toBe("PDF/X-3:2002");
    const info = run("pdfinfo", ["-box", "-f", "1", "-l", "1", file]);
    expect(info).toMatch(/PDF version:\s+1\.3/);
    // Dated as the booklet (the edition's date), not when Ghostscript ran.
    expect(info).toMatch(/CreationDate:.*2026/);
    expect(info).toMatch(/TrimBox/);
    expect(info).toMatch(/BleedBox/);
    const b = boxes(file, 42);
    expect(b.TrimBox!.w).toBeCloseTo(210, 1);
    expect(b.BleedBox!.h).toBeCloseTo(303, 1);
    // Output intent and the PDF/X key, as qpdf reads them.
    const json = JSON.parse(run("qpdf", ["--json=2", "--json-key=qpdf", file])) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
    const objects = Object.values(json.qpdf[1]).map((o) => o.value).filter((v): v is Record<string, unknown> => !!v && typeof v === "object");
    const intent = objects.find((v) => v["/S"] === "/GTS_PDFX");
    expect(intent).toBeDefined();
    expect(intent!["/DestOutputProfile"]).toBeDefined();
    expect(objects.some((v) => typeof v["/GTS_PDFXVersion"] === "string" && String(v["/GTS_PDFXVersion"]).includes("PDF/X-3"))).toBe(true);
    // No RGB anywhere: every colour is CMYK (Ghostscript's ink counter reads them as such).
    const { rgbOperators, rgbSpaces } = await rgbUse(file);
    expect(rgbOperators).toBe(0);
    expect(rgbSpaces).toBe(0);
    expect(run("gs", ["-q", "-o", "-", "-sDEVICE=inkcov", "-dFirstPage=40", "-dLastPage=42", file]).trim().split("\n").every((l) => l.endsWith("CMYK OK"))).toBe(true);
    const fonts = run("pdffonts", [file]).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      expect(row).toMatch(/BIZUDP/);
      expect(row).not.toContain("Type 3");
      expect(row.split(/\s+/).slice(-5)[0]).toBe("yes");
    }
    // The first 基本目標's divider carries its name as text, on the page the booklet's bookmark names.
    const divider = flatten(qpdfJson(print.outFile).outlines).find((o) => o.title.startsWith("基本目標1"))!.destpageposfrom1;
    expect(squash(run("pdftotext", ["-f", String(divider), "-l", String(divider), file, "-"]))).toContain("子どもと学びのまち");
    // Nothing was flattened into an image (PDF/X-3 allows no transparency; the pages have none):
    // every image of the press file is one of the booklet's own (Ghostscript may store one per
    // use), and none carries a soft mask.
    const images = (pdf: string) => run("pdfimages", ["-list", pdf]).trim().split("\n").slice(2).map((l) => l.trim().split(/\s+/));
    const own = new Set(images(print.outFile).map((c) => `${c[3]}x${c[4]}`));
    expect(images(file).length).toBeGreaterThan(0);
    for (const c of images(file)) {
      expect(c[2], c.join(" ")).toBe("image");
      expect(own.has(`${c[3]}x${c[4]}`), c.join(" ")).toBe(true);
    }
  });
});

describe("Ghostscript (--pdfx) never outlives plan-press", () => {
  /** A folder with an earlier print set of plan-press's (and its press file). */
  function previousPrint(): { dir: string; out: string } {
    const dir = path.dirname(hintedOut("action-plan-print.pdf"));
    const out = previousBooklet(dir, "action-plan-print");
    writeFileSync(path.join(dir, "action-plan-print-pdfx.pdf"), "%PDF-1.3\n% previous press file\n/Creator (plan-press 0.1.0)\n%%EOF\n");
    return { dir, out };
  }
  // What happens to Ghostscript does not depend on the pages: a six-page booklet.
  let small: string;
  beforeAll(() => {
    small = smallPlan();
  });
  const args = (out: string) => ["build", "--edition", "print", "--pdfx", "--data", small, "--out", out, "--timeout", "600"];

  it("plan-press killed (SIGKILL) while Ghostscript converts: Ghostscript goes with it; the previous set stays", async () => {
    const { dir, out } = previousPrint();
    const before = digests(dir);
    const r = await cli(args(out), { PLAN_PRESS_FAULT: "pdfx:gs" });
    expect(r.signal).toBe("SIGKILL");
    expect(await ownGhostscripts(r.pid)).toEqual([]);
    const left = digests(dir);
    for (const [name, digest] of Object.entries(before)) expect(left[name], name).toBe(digest);
  }, 480_000);

  it("one orphaned anyway (no parent-death signal) is killed, and its folder removed, by the next run", async () => {
    const { out } = previousPrint();
    // The whole second plan (44 pages): Ghostscript is still converting when it is looked for.
    const whole = ["build", "--edition", "print", "--pdfx", "--data", fixtureCopy(), "--out", out, "--timeout", "600"];
    const tmp = { TMPDIR: ownTmp() };
    const r = await cli(whole, { PLAN_PRESS_FAULT: "pdfx:gs", PLAN_PRESS_FAULT_NO_PDEATHSIG: "1", ...tmp });
    expect(r.signal).toBe("SIGKILL");
    // The fault point is while Ghostscript runs: without the signal it is still there…
    expect(processesWith(`plan-press-pdfx-${r.pid}-`).length).toBeGreaterThan(0);
    // …until plan-press runs again (any command).
    expect((await cli(["check"], tmp)).code).toBe(0);
    expect(await ownGhostscripts(r.pid)).toEqual([]);
    expect(readdirSync(tmp.TMPDIR).filter((n) => n.startsWith(`plan-press-pdfx-${r.pid}-`))).toEqual([]);
  }, 480_000);

  it("Ctrl-C while Ghostscript converts: stops it, says so, keeps the previous set, leaves no folder", async () => {
    const { dir, out } = previousPrint();
    const before = digests(dir);
    const r = await cli(args(out), { PLAN_PRESS_FAULT: "pdfx:gs=interrupt" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("中断しました（SIGINT）。前回の PDF はそのままです。");
    expect(await ownGhostscripts(r.pid)).toEqual([]);
    expect(digests(dir)).toEqual(before);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`plan-press-pdfx-${r.pid}-`))).toEqual([]);
  }, 480_000);
});

describe("the web edition", () => {
  let web: BuildResult;
  let whole: ReturnType<typeof qpdfJson>;
  beforeAll(async () => {
    ({ result: web } = await shared("web"));
    whole = qpdfJson(web.outFile);
  });

  it("writes the booklet and one file per chapter whose pages sum to the booklet's", () => {
    const files = web.web!.files;
    expect(files[0]!.name).toBe("action-plan.pdf");
    const parts = files.slice(1);
    // The second plan's chapters, in its own words; the unnumbered 資料編 keeps its name alone.
    expect(parts.map((f) => f.title)).toEqual(["表紙・目次", "第1章　序論", "第2章　計画の体系", "第3章　基本施策", "第4章　リーディングプロジェクト", "資料編"]);
    const pages = (f: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [path.join(path.dirname(web.outFile), f)]))![1]);
    expect(parts.reduce((n, f) => n + pages(f.name), 0)).toBe(web.pageCount);
  });

  it("gives each file its title, its chapter's bookmarks, tags, and the booklet's page numbers", () => {
    const dir = path.dirname(web.outFile);
    const chapters = flatten(whole.outlines).filter((b) => b.depth === 1);
    for (const part of web.web!.files.slice(2)) {
      const file = path.join(dir, part.name);
      const info = run("pdfinfo", [file]);
      expect(info).toContain(`Title:           第2次みどり野市総合計画 基本計画　${part.title}`);
      expect(info).toMatch(/Tagged:\s+yes/);
      const own = qpdfJson(file);
      expect(own.outlines.map((o) => o.title)).toEqual([part.title]);
      // The file's first page is labelled as that page is in the whole booklet.
      const chapter = chapters.find((c) => c.title === part.title)!;
      expect(labelOf(own.pagelabels, 1)).toBe(labelOf(whole.pagelabels, chapter.destpageposfrom1));
      expect(own.outlines[0]!.destpageposfrom1).toBe(1);
    }
    expect(run("pdffonts", [path.join(dir, web.web!.files[4]!.name)])).not.toContain("Type 3");
  });

  it("prints each file as the booklet's own pages: every word, the folios included, where the booklet has it", () => {
    // Each part is printed with the rest of the booklet out of the layout (print/print-parts.ts):
    // its pages must still be the booklet's, numbered as the booklet numbers them.
    const dir = path.dirname(web.outFile);
    const booklet = wordsByPage(web.outFile);
    let from = 0;
    for (const part of web.web!.files.slice(1)) {
      const own = wordsByPage(path.join(dir, part.name));
      expect(own.length, part.name).toBe(part.pageCount);
      own.forEach((words, i) => expect(pageDifference(words, booklet[from + i]!), `${part.name} p.${i + 1}`).toBeUndefined());
      from += part.pageCount;
    }
    expect(from).toBe(web.pageCount);
  });

  it("leads every link to its page: in the file itself, or in the file of the chapter that holds it", () => {
    const dir = path.dirname(web.outFile);
    const files = web.web!.files.slice(1);
    const starts = new Map<string, number>();
    let from = 0;
    for (const f of files) {
      starts.set(f.name, from);
      from += f.pageCount;
    }
    // Where each chapter starts in the whole booklet, as its bookmarks say.
    const chapterPage = new Map(flatten(whole.outlines).filter((b) => b.depth === 1).map((b) => [b.title, b.destpageposfrom1 - 1]));
    let across = 0;
    for (const part of files) {
      const objects = Object.values(partObjects(path.join(dir, part.name)));
      const catalog = objects.find((v) => v["/Type"] === "/Catalog")!;
      const dests = new Set(Object.keys(destsOf(path.join(dir, part.name), catalog) ?? {}));
      for (const link of objects.filter((v) => v["/Subtype"] === "/Link")) {
        const action = link["/A"] as Record<string, unknown> | undefined;
        if (typeof link["/Dest"] === "string") expect(dests.has(link["/Dest"]), `${part.name} ${link["/Dest"]}`).toBe(true);
        else if (action) {
          expect(action["/S"]).toBe("/GoToR");
          const target = String(action["/F"]).replace(/^u:/, "");
          const other = files.find((f) => f.name === target);
          expect(other, `${part.name} → ${target}`).toBeDefined();
          expect(target).not.toBe(part.name);
          const [pageIndex] = action["/D"] as [number];
          expect(pageIndex).toBeLessThan(other!.pageCount);
          across++;
        } else expect(Array.isArray(link["/Dest"]), `${part.name} ${JSON.stringify(link)}`).toBe(true);
      }
    }
    expect(across).toBeGreaterThan(0);
    // The TOC's line for 第3章 opens the third chapter's file at its first page.
    const tocLinks = Object.values(partObjects(path.join(dir, files[0]!.name))).filter((v) => v["/Subtype"] === "/Link").map((v) => v["/A"] as Record<string, unknown> | undefined);
    const third = files.find((f) => f.title.startsWith("第3章"))!;
    expect(tocLinks.some((a) => a && String(a["/F"]).endsWith(third.name) && (a["/D"] as number[])[0] === chapterPage.get(third.title)! - starts.get(third.name)!)).toBe(true);
  });

  it("lists every file in index.html with its pages and its real size, as the city site states it", () => {
    const html = readFileSync(web.web!.index, "utf8");
    expect(html).toContain('<html lang="ja">');
    for (const f of web.web!.files) {
      const bytes = statSync(path.join(path.dirname(web.outFile), f.name)).size;
      expect(f.bytes).toBe(bytes);
      const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${(bytes / 1024).toFixed(1)}KB`;
      expect(html).toContain(`href="${f.name}"`);
      expect(html).toContain(`PDFファイル：${size}`);
    }
  });

  it("is a folder plan-press owns: its manifest lists every file with its digest", () => {
    const dir = path.dirname(web.outFile);
    const manifest = JSON.parse(readFileSync(path.join(dir, ".plan-press.json"), "utf8")) as { files: Record<string, { bytes: number }> };
    expect(Object.keys(manifest.files).sort()).toEqual(readdirSync(dir).filter((n) => n !== ".plan-press.json").sort());
    for (const f of web.web!.files) expect(manifest.files[f.name]!.bytes).toBe(f.bytes);
  });

  /** A copy of the built web folder, as the previous set, in a fresh parent folder with a file of the user's. */
  function previousWeb(): { parent: string; dir: string } {
    const parent = mkdtempSync(path.join(tmpdir(), "plan-press-web-prev-"));
    cpSync(path.dirname(web.outFile), path.join(parent, "web"), { recursive: true });
    writeFileSync(path.join(parent, "report-01.pdf"), "the user's own");
    return { parent, dir: path.join(parent, "web") };
  }
  /** index.html agrees with the PDFs beside it: the booklet's pages, each part's page count. */
  function consistent(dir: string, title: string): void {
    const index = readFileSync(path.join(dir, "index.html"), "utf8");
    expect(index).toContain(`<h1>${title}</h1>`);
    const whole = pagesOf(path.join(dir, "action-plan.pdf"));
    expect(index).toContain(`${whole}ページ）`);
    const parts = readdirSync(dir).filter((n) => /-\d{2}\.pdf$/.test(n));
    expect(parts.reduce((n, p) => n + pagesOf(path.join(dir, p)), 0)).toBe(whole);
    for (const p of parts) expect(run("pdfinfo", [path.join(dir, p)])).toContain(title);
  }

  it("killed right after the new set is swapped in: the folder is the new set, whole and consistent; the next run clears the old", async () => {
    const { parent, dir } = previousWeb();
    const data = smallPlan();
    edit(data, "edition.yaml", /^title: (.*)$/m, "title: $1（改訂）");
    const title = `${/^title: (.*)$/m.exec(readFileSync(path.join(data, "edition.yaml"), "utf8"))![1]}`;
    const r = await cli(["build", "--edition", "web", "--data", data, "--out", `${dir}/`], { PLAN_PRESS_FAULT: "web:exchanged" });
    expect(r.signal).toBe("SIGKILL");
    consistent(dir, title);
    // The old set, left under a hidden name by the killed run, goes with the next build to that
    // folder, even one that stops at a data error.
    expect(readdirSync(parent).some((n) => n.startsWith(`.web.plan-press-${r.pid}.`))).toBe(true);
    edit(data, "policies/1-1.yaml", /\nvision: >-\n(  .*\n)+/, "\n");
    expect((await cli(["build", "--edition", "web", "--data", data, "--out", `${dir}/`])).code).toBe(1);
    expect(readdirSync(parent).sort()).toEqual(["report-01.pdf", "web"]);
    consistent(dir, title);
    expect(readFileSync(path.join(parent, "report-01.pdf"), "utf8")).toBe("the user's own");
  }, 600_000);

  it("a part that cannot be written: said so, the previous folder byte-identical and consistent, nothing left", async () => {
    const { parent, dir } = previousWeb();
    const before = digests(dir);
    const r = await cli(["build", "--edition", "web", "--data", smallPlan(), "--out", `${dir}/`], { PLAN_PRESS_FAULT: "web:stage:action-plan-01.pdf=error" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan-press: .*web に書き込めません（EIO）: .*前回のファイルはそのままです。/);
    expect(digests(dir)).toEqual(before);
    consistent(dir, "第2次みどり野市総合計画 基本計画");
    expect(readdirSync(parent).sort()).toEqual(["report-01.pdf", "web"]);
    expect(existsSync(path.join(dir, ".plan-press.json"))).toBe(true);
  }, 600_000);
});

// A child process that writes one output set through the build's own write path (plan, stage,
// commit; the compiled dist/, as the CLI runs it) with small stand-in files, so tests can kill it
// at every step of the write (PLAN_PRESS_FAULT) in a moment, without printing a booklet each time.
//
//   node tests/helpers/commit-child.mjs <files|web|official> <out> <generation> [plan-only]
//   (files: the print edition with its PDF/X; official: the plain booklet set)
//
// Every file it writes names the generation, so a test can tell an old set from a new one and
// a mixed set from either. Exit 0: written; 2: refused or failed in plain words (on stderr).
import { writeFileSync } from "node:fs";
import { planBookletOutput } from "../../dist/write/booklet-output.js";
import { PlanPressError } from "../../dist/errors.js";

/** A stand-in PDF that plan-press recognises as its own, saying its generation and page count. */
const standInPdf = (generation, name, pages) =>
  Buffer.from(`%PDF-1.7\n% ${name} generation=${generation} pages=${pages}\n<xmp:CreatorTool>plan-press 0.1.0</xmp:CreatorTool>\n%%EOF\n`, "latin1");

const PART_PAGES = [4, 12, 30];
const [kind, out, generation, mode] = process.argv.slice(2);
try {
  const edition = kind === "files" ? "print" : kind;
  const output = planBookletOutput({ edition, out, pdfx: kind === "files", inputs: [] });
  if (mode !== "plan-only") {
    const staging = output.stage();
    try {
      // As build.ts: the source HTML first (it proves the place writable), the set after printing.
      writeFileSync(staging.sourceHtml, "<!doctype html><html><head></head><body></body></html>");
      const total = PART_PAGES.reduce((a, b) => a + b, 0);
      const parts = kind === "web"
        ? PART_PAGES.map((pages, i) => ({
          name: `${output.base}-${String(i).padStart(2, "0")}.pdf`, title: `第${i}章`, firstLabel: "1", lastLabel: String(pages), pageCount: pages,
          pdf: standInPdf(generation, `part ${i}`, pages),
        }))
        : [];
      staging.commit({
        pdf: standInPdf(generation, "booklet", total),
        html: `<!doctype html><html lang="ja"><head><title>${generation}</title></head><body data-generation="${generation}"><h1 id="a" data-start="right"><span data-page-of="a">1</span></h1></body></html>`,
        hint: JSON.stringify({ version: "0.1.0", blanksBefore: [], labels: {}, generation }),
        pdfx: standInPdf(generation, "pdfx", total),
        parts,
        edition: { title: `計画 ${generation}`, city: "伊勢崎市", period: "令和7〜11年度", dateLabel: "令和7年3月" },
      });
    } finally {
      staging.dispose();
    }
  }
} catch (err) {
  process.stderr.write(`${err instanceof PlanPressError ? "" : "unexpected: "}${err.message}\n`);
  process.exitCode = err instanceof PlanPressError ? 2 : 70;
}

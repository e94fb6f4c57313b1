// An earlier build's output, as plan-press would recognise it (its creator in the PDF, its
// generator tag in the HTML, the hint's shape), but with bytes no build of the shipped data
// gives: a test can then tell "left as it was" from "written again".
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes a previous booklet set (PDF, HTML, hint) named `base` into `dir`; returns the PDF's path. */
export function previousBooklet(dir: string, base = "action-plan"): string {
  mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, `${base}.pdf`);
  writeFileSync(pdf, "%PDF-1.7\n% previous booklet\n<xmp:CreatorTool>plan-press 0.1.0</xmp:CreatorTool>\n%%EOF\n");
  writeFileSync(path.join(dir, `${base}.html`), '<!DOCTYPE html><html lang="ja"><head>\n<meta name="generator" content="plan-press 0.1.0">\n<title>previous</title></head><body></body></html>');
  writeFileSync(path.join(dir, `.${base}.pagination.json`), JSON.stringify({ version: "0.0.0-previous", blanksBefore: [], labels: {} }));
  return pdf;
}

/** Every file in `dir` (not recursive) → a digest of its bytes. */
export function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    try {
      out[name] = createHash("sha256").update(readFileSync(path.join(dir, name))).digest("hex");
    } catch {
      out[name] = "(not a file)";
    }
  }
  return out;
}

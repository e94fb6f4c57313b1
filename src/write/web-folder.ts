// Write for the web edition: the chapter files and index.html beside the whole booklet, each
// written atomically; files of an earlier run that this one no longer makes are removed.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { WebPart } from "../finish/web-files.js";
import type { EditionView } from "../model/types.js";
import { renderWebIndex, type IndexedFile } from "../render/render-web-index.js";
import { writeAtomic } from "./write-output.js";

/** What the web folder holds after a build. */
export interface WebFolder {
  index: string;
  files: IndexedFile[];
}

/** Writes the parts and the index next to `bookletFile` (the whole booklet, already written by the caller). */
export function writeWebFolder(bookletFile: string, booklet: Uint8Array, parts: WebPart[], edition: EditionView): WebFolder {
  const dir = path.dirname(bookletFile);
  const base = path.basename(bookletFile, ".pdf");
  for (const part of parts) writeAtomic(path.join(dir, part.name), part.pdf);
  const made = new Set(parts.map((p) => p.name));
  const ours = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d{2}\\.pdf$`);
  for (const name of readdirSync(dir)) if (ours.test(name) && !made.has(name)) rmSync(path.join(dir, name), { force: true });

  const pageCount = parts.reduce((n, p) => n + p.pageCount, 0);
  const whole: IndexedFile = { name: path.basename(bookletFile), title: `${edition.title}（全体）`, pages: "全ページ", pageCount, bytes: booklet.byteLength };
  const files = parts.map((p): IndexedFile => ({
    name: p.name, title: p.title, pageCount: p.pageCount, bytes: p.pdf.byteLength,
    pages: p.firstLabel === p.lastLabel ? p.firstLabel : `${p.firstLabel}〜${p.lastLabel}`,
  }));
  const index = path.join(dir, "index.html");
  writeAtomic(index, renderWebIndex({ title: edition.title, city: edition.city, period: edition.period, date: edition.dateLabel, whole, parts: files }));
  return { index, files: [whole, ...files] };
}

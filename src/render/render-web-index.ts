// Render for the web edition: the index.html that lists the booklet's files with their page
// ranges and sizes, ready to be linked from (or copied into) the city website.
import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { PROJECT_ROOT } from "../paths.js";
import { VERSION } from "../version.js";

/** One listed file. */
export interface IndexedFile {
  name: string;
  title: string;
  /** 「7〜18ページ」 or 「i〜iv」. */
  pages: string;
  pageCount: number;
  bytes: number;
}

/** index.html of the web folder. */
export function renderWebIndex(index: { title: string; city: string; period: string; date: string; whole: IndexedFile; parts: IndexedFile[] }): string {
  const hb = Handlebars.create();
  const template = hb.compile(readFileSync(path.join(PROJECT_ROOT, "templates/documents/web-index.hbs"), "utf8"), { strict: true });
  const sized = (f: IndexedFile) => ({ ...f, size: fileSize(f.bytes) });
  // The generator tag tells a later run that this index is plan-press's own (write/ownership.ts).
  return template({ ...index, version: VERSION, whole: sized(index.whole), parts: index.parts.map(sized) });
}

/** 123.7KB / 2.9MB, as Japanese municipal sites state file sizes. */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${(bytes / 1024).toFixed(1)}KB`;
}

// The web edition's files: the booklet's parts (front matter, then a chapter each), printed by
// Chromium from the same loaded document (print/print-parts.ts), finished like the booklet with
// their own title, bookmarks and page labels that match the whole booklet's numbers, and links
// to another chapter pointed at that chapter's file (part-links.ts).
import { PDFDocument } from "pdf-lib";
import type { TocEntry } from "../model/types.js";
import type { PrintedPart } from "../print/print-parts.js";
import { finishPdf, type DocumentInfo } from "./finish-pdf.js";
import { linkAcrossParts, type PartFile } from "./part-links.js";

/** One finished file of the web edition. */
export interface WebPart {
  /** File name inside the web folder, e.g. action-plan-03.pdf. */
  name: string;
  /** 表紙・目次, 第3章　地区別計画 … */
  title: string;
  /** The page numbers it covers as printed (「i〜iv」, 「7〜18」). */
  firstLabel: string;
  lastLabel: string;
  pageCount: number;
  pdf: Uint8Array;
}

/** Finishes each printed part: its chapter's bookmarks, its page labels, its own title. */
export async function finishWebParts(
  parts: PrintedPart[],
  booklet: { toc: TocEntry[]; pages: Map<string, number>; frontPages: number; info: DocumentInfo; baseName: string },
): Promise<WebPart[]> {
  const out: WebPart[] = [];
  const files: PartFile[] = parts.map((part, i) => ({ name: `${booklet.baseName}-${String(i).padStart(2, "0")}.pdf`, from: part.from, to: part.to }));
  for (const [i, part] of parts.entries()) {
    const chapter = booklet.toc.find((c) => c.anchor === part.anchor);
    const title = chapter ? (chapter.label ?? chapter.title) : "表紙・目次";
    const doc = await PDFDocument.load(part.pdf, { updateMetadata: false });
    linkAcrossParts(doc, files[i]!, files, booklet.pages);
    const pages = new Map<string, number>();
    for (const [anchor, index] of booklet.pages) if (index >= part.from && index <= part.to) pages.set(anchor, index - part.from);
    const front = Math.max(0, Math.min(booklet.frontPages - part.from, doc.getPageCount()));
    const bodyStart = Math.max(1, part.from - booklet.frontPages + 1);
    const pdf = await finishPdf(doc, chapter ? [chapter] : [], pages, front, {
      ...booklet.info,
      title: `${booklet.info.title}　${title}`,
      fingerprint: `${booklet.info.fingerprint}:${part.from}-${part.to}`,
    }, { bodyStart });
    out.push({
      name: files[i]!.name, title,
      firstLabel: label(part.from, booklet.frontPages), lastLabel: label(part.to, booklet.frontPages),
      pageCount: part.to - part.from + 1, pdf,
    });
  }
  return out;
}

/** The printed number of a physical page: roman in the front matter, from 1 in the body. */
function label(index: number, frontPages: number): string {
  return index < frontPages ? roman(index + 1) : String(index - frontPages + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

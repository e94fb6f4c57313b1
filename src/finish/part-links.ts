// A web part's links to pages in another part. Chromium writes every in-document link as a named
// destination, but a chapter's file holds only its own destinations: the TOC in 表紙・目次 and a
// 「p.52」 in one chapter pointing to another would lead nowhere. Each such link is pointed at the
// file that holds the page (a GoToR action to the sibling file, the page by its number), as a
// reader of the city's site expects of the same booklet split into chapters.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, PDFHexString } from "pdf-lib";
import { decodeName, readDestinations } from "../print/destinations.js";

/** A part of the booklet as a file: its name and its pages (0-based, inclusive, the booklet's). */
export interface PartFile {
  name: string;
  from: number;
  to: number;
}

/** Repoints the links of `doc` (the part `self`) whose destination lies in another part; returns how many. */
export function linkAcrossParts(doc: PDFDocument, self: PartFile, files: PartFile[], bookletPages: Map<string, number>): number {
  const own = readDestinations(doc);
  let changed = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (annot?.get(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
      const name = destinationName(annot.get(PDFName.of("Dest")));
      if (name === undefined || own.has(name)) continue;
      const at = bookletPages.get(name);
      const target = at === undefined ? undefined : files.find((f) => at >= f.from && at <= f.to);
      annot.delete(PDFName.of("Dest"));
      changed++;
      // A target in no file (none is expected) leaves a plain, inactive box rather than a dead name.
      if (!target || at === undefined) continue;
      if (target === self) {
        annot.set(PDFName.of("Dest"), doc.context.obj([doc.getPage(at - self.from).ref, PDFName.of("Fit")]));
        continue;
      }
      annot.set(PDFName.of("A"), doc.context.obj({
        S: PDFName.of("GoToR"),
        F: fileSpec(doc, target.name),
        D: [PDFNumber.of(at - target.from), PDFName.of("Fit")],
        NewWindow: false,
      }));
    }
  }
  return changed;
}

/**
 * The sibling file's name: a plain string when it is ASCII; otherwise a file specification with
 * the name as UTF-8 bytes (/F, what file systems and browsers resolve) and as text (/UF).
 */
function fileSpec(doc: PDFDocument, name: string): PDFString | PDFDict {
  if (/^[\x20-\x7e]*$/.test(name)) return PDFString.of(name);
  return doc.context.obj({
    Type: PDFName.of("Filespec"),
    F: PDFHexString.of(Buffer.from(name, "utf8").toString("hex")),
    UF: PDFHexString.fromText(name),
  });
}

function destinationName(value: unknown): string | undefined {
  if (value instanceof PDFName) return decodeName(value);
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

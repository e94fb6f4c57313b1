// Where each heading landed: Chromium writes a named destination for every in-document link
// target (the TOC links every entry), so the printed PDF itself says which page each is on.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from "pdf-lib";

/** Anchor id → 0-based page index, for every named destination in the PDF. */
export function readDestinations(doc: PDFDocument): Map<string, number> {
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((p, i) => pageIndex.set(p.ref.toString(), i));
  const out = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined) => {
    let target = value ? doc.context.lookup(value) : undefined;
    if (target instanceof PDFDict) target = target.lookup(PDFName.of("D"));
    if (!(target instanceof PDFArray)) return;
    const ref = target.get(0);
    if (ref instanceof PDFRef) {
      const index = pageIndex.get(ref.toString());
      if (index !== undefined) out.set(name, index);
    }
  };
  // PDF 1.1 style: /Dests dictionary in the catalog (what Skia writes).
  const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(decodeName(key), value);
  // PDF 1.2 style: /Names /Dests name tree (handled too, should Chromium switch).
  const names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (names) walkNameTree(doc, names, add);
  return out;
}

function walkNameTree(doc: PDFDocument, node: PDFDict, add: (name: string, value: PDFObject | undefined) => void): void {
  const names = node.lookupMaybe(PDFName.of("Names"), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), names.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) walkNameTree(doc, kids.lookup(i, PDFDict), add);
}

/** PDF names escape bytes as #xx; ids are UTF-8. */
export function decodeName(name: PDFName): string {
  const raw = name.asString().slice(1);
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "#" && i + 2 < raw.length + 1) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(raw.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

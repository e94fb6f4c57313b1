// Chromium names structure elements after DOM node ids ("node00000439"), which depend on how
// the DOM was built (a blank page inserted by script shifts them). Renumbered in the tree's
// document order, the same booklet gets the same IDs however it was paginated.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from "pdf-lib";

/** Renumbers every structure element /ID, its references (/Headers) and the /IDTree. */
export function renumberStructureIds(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return;
  const renamed = new Map<string, string>();
  const entries: Array<[string, PDFRef]> = [];
  const elements: PDFDict[] = [];
  const ID = PDFName.of("ID");
  const visit = (node: PDFObject | undefined, ref?: PDFRef) => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i));
      return;
    }
    if (!(value instanceof PDFDict) || !value.has(PDFName.of("S"))) return;
    elements.push(value);
    const old = value.lookup(ID);
    if ((old instanceof PDFString || old instanceof PDFHexString) && node instanceof PDFRef) {
      const fresh = `n${String(entries.length + 1).padStart(6, "0")}`;
      renamed.set(old.decodeText(), fresh);
      value.set(ID, PDFString.of(fresh));
      entries.push([fresh, node]);
    }
    visit(value.get(PDFName.of("K")));
    void ref;
  };
  visit(root.get(PDFName.of("K")));
  if (renamed.size === 0) return;

  // References to the old IDs (table header associations, /Headers in an element's attributes)
  // follow the new names. Only the elements' attributes are read, not every object of the file.
  const followed = new Set<PDFRef>();
  const rewrite = (node: PDFObject | undefined) => {
    if (node instanceof PDFRef) {
      if (followed.has(node)) return;
      followed.add(node);
    }
    const obj = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const item = obj.get(i);
        const text = item instanceof PDFString || item instanceof PDFHexString ? item.decodeText() : undefined;
        if (text !== undefined && renamed.has(text)) obj.set(i, PDFString.of(renamed.get(text)!));
        else rewrite(item);
      }
    } else if (obj instanceof PDFDict) {
      for (const [, v] of obj.entries()) rewrite(v);
    }
  };
  const A = PDFName.of("A");
  for (const element of elements) rewrite(element.get(A));

  // One flat, sorted name tree replaces Chromium's (its order followed the old names); the old
  // one is deleted, or its stale names would still be written.
  deleteTree(doc, root.get(PDFName.of("IDTree")));
  const names = doc.context.obj(entries.flatMap(([id, ref]) => [PDFString.of(id), ref]));
  root.set(PDFName.of("IDTree"), doc.context.register(doc.context.obj({ Names: names })));
}

function deleteTree(doc: PDFDocument, node: PDFObject | undefined): void {
  if (!(node instanceof PDFRef)) return;
  const dict = doc.context.lookup(node);
  if (dict instanceof PDFDict) {
    const kids = dict.lookup(PDFName.of("Kids"));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) deleteTree(doc, kids.get(i));
  }
  doc.context.delete(node);
}

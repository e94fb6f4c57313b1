// finish/structure-ids.ts: Chromium's structure element IDs (after DOM node ids) renumbered in the
// tree's order, the table cells' /Headers following them, and the /IDTree made again.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renumberStructureIds } from "../../src/finish/structure-ids.js";

describe("structure element IDs", () => {
  it("are numbered in the tree's order, and a cell's /Headers (direct or by reference) follow", async () => {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const elem = (s: string, id: string, extra: Record<string, unknown> = {}) => ctx.register(ctx.obj({ S: s, ID: PDFString.of(id), ...extra }));
    const th = elem("TH", "node00000439");
    const th2 = elem("TH", "node00000012");
    const direct = elem("TD", "node00000440", { A: [{ O: "Table", Headers: [PDFString.of("node00000439"), PDFString.of("node00000012")] }] });
    const attributes = ctx.register(ctx.obj({ O: "Table", Headers: [PDFString.of("node00000012")] }));
    const byRef = elem("TD", "node00000441", { A: attributes });
    const table = ctx.register(ctx.obj({ S: "Table", K: [th2, th, direct, byRef] }));
    const oldTree = ctx.register(ctx.obj({ Names: [PDFString.of("node00000012"), th2, PDFString.of("node00000439"), th] }));
    doc.catalog.set(PDFName.of("StructTreeRoot"), ctx.register(ctx.obj({ Type: "StructTreeRoot", K: [table], IDTree: oldTree })));

    renumberStructureIds(doc);

    const id = (ref: PDFRef) => ctx.lookup(ref, PDFDict).lookup(PDFName.of("ID"), PDFString).decodeText();
    expect([th2, th, direct, byRef].map(id)).toEqual(["n000001", "n000002", "n000003", "n000004"]);
    const headers = (dict: PDFDict) => dict.lookup(PDFName.of("Headers"), PDFArray).asArray().map((s) => (s as PDFString).decodeText());
    const directA = ctx.lookup(direct, PDFDict).lookup(PDFName.of("A"), PDFArray).lookup(0, PDFDict);
    expect(headers(directA)).toEqual(["n000002", "n000001"]);
    expect(headers(ctx.lookup(attributes, PDFDict))).toEqual(["n000001"]);
    // The old name tree is gone; the new one lists every element under its new ID.
    expect(ctx.lookup(oldTree)).toBeUndefined();
    const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    const names = root.lookup(PDFName.of("IDTree"), PDFDict).lookup(PDFName.of("Names"), PDFArray).asArray();
    expect(names.filter((_, i) => i % 2 === 0).map((s) => (s as PDFString).decodeText())).toEqual(["n000001", "n000002", "n000003", "n000004"]);
  });
});

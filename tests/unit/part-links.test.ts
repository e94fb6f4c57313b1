// finish/part-links.ts: a part's links to destinations it does not hold are pointed at the file
// (and page) that holds them; a file name that is not ASCII is given as UTF-8 and as text.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { linkAcrossParts, type PartFile } from "../../src/finish/part-links.js";

/** A two-page part with one link per destination name on its first page, and /Dests for `own`. */
async function part(links: string[], own: Record<string, number>): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage(), doc.addPage()];
  const annots = links.map((name) => doc.context.register(doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [0, 0, 10, 10], Dest: PDFName.of(name) })));
  pages[0]!.node.set(PDFName.of("Annots"), doc.context.obj(annots));
  doc.catalog.set(PDFName.of("Dests"), doc.context.obj(Object.fromEntries(Object.entries(own).map(([name, i]) => [name, [pages[i]!.ref, PDFName.of("Fit")]]))));
  return doc;
}

const linksOf = (doc: PDFDocument) => {
  const annots = doc.getPage(0).node.lookup(PDFName.of("Annots"), PDFArray);
  return Array.from({ length: annots.size() }, (_, i) => annots.lookup(i, PDFDict));
};

describe("links between the web edition's files", () => {
  it("points a link to another part at that file and page, and one to its own unnamed page at the page", async () => {
    const files: PartFile[] = [
      { name: "plan-00.pdf", from: 0, to: 1 },
      { name: "計画-01.pdf", from: 2, to: 5 },
      { name: "plan-02.pdf", from: 6, to: 7 },
    ];
    const booklet = new Map([["here", 0], ["mine", 1], ["there", 4], ["last", 6]]);
    const doc = await part(["here", "mine", "there", "last", "nowhere"], { here: 0 });
    expect(linkAcrossParts(doc, files[0]!, files, booklet)).toBe(4);
    const [here, mine, there, last, nowhere] = linksOf(doc);
    // Its own named destination stays as it is.
    expect(here!.get(PDFName.of("Dest"))).toBe(PDFName.of("here"));
    // Its own page, not named in this file: the page itself.
    const explicit = mine!.lookup(PDFName.of("Dest"), PDFArray);
    expect(explicit.get(0)).toBe(doc.getPage(1).ref);
    // Another file: GoToR to it, at the page within it (0-based).
    const toThere = there!.lookup(PDFName.of("A"), PDFDict);
    expect(toThere.get(PDFName.of("S"))).toBe(PDFName.of("GoToR"));
    expect((toThere.lookup(PDFName.of("D"), PDFArray).get(0) as PDFNumber).asNumber()).toBe(2);
    const spec = toThere.lookup(PDFName.of("F"), PDFDict);
    expect((spec.lookup(PDFName.of("UF")) as PDFHexString).decodeText()).toBe("計画-01.pdf");
    expect(Buffer.from((spec.lookup(PDFName.of("F")) as PDFHexString).asBytes()).toString("utf8")).toBe("計画-01.pdf");
    const toLast = last!.lookup(PDFName.of("A"), PDFDict);
    expect((toLast.lookup(PDFName.of("F")) as PDFString).decodeText()).toBe("plan-02.pdf");
    expect((toLast.lookup(PDFName.of("D"), PDFArray).get(0) as PDFNumber).asNumber()).toBe(0);
    // A destination the booklet does not know: no dead name left behind.
    expect(nowhere!.get(PDFName.of("Dest"))).toBeUndefined();
    expect(nowhere!.get(PDFName.of("A"))).toBeUndefined();
  });
});

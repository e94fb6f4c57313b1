// The finishing stage has pdf-lib compress with Node's zlib instead of pako (finish/native-deflate.ts):
// the object streams it writes are zlib's own output, and the PDF reads back whole.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync, inflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import "../../src/finish/finish-pdf.js";
import { nativeDeflate, pdfLibPako } from "../../src/finish/native-deflate.js";

describe("pdf-lib's compression in the finishing stage", () => {
  it("is zlib's, and the saved PDF reads back whole", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 120; i++) {
      const page = doc.addPage([200, 200]);
      page.drawText(`page ${i} ${"lorem ipsum ".repeat(i % 7)}`, { x: 10, y: 100, size: 9, font });
    }
    const bytes = await doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
    const text = Buffer.from(bytes).toString("latin1");
    // Every object stream, its compressed bytes as written.
    const streams = [...text.matchAll(/\/Type \/ObjStm[^>]*\/Length (\d+)[^>]*>>\s*stream\r?\n/g)].map((m) => Buffer.from(text.slice(m.index! + m[0].length, m.index! + m[0].length + Number(m[1])), "latin1"));
    expect(streams.length).toBeGreaterThan(0);
    // The pako pdf-lib loads compresses with zlib (identity: on a Node built with the system zlib,
    // pako's bytes and zlib's can be the same), and the streams written are zlib's.
    expect(pdfLibPako.deflate).toBe(nativeDeflate);
    for (const stream of streams) expect(deflateSync(inflateSync(stream)).equals(stream)).toBe(true);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-deflate-")), "t.pdf");
    writeFileSync(file, bytes);
    execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(120);
  });
});

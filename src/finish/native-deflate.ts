// pdf-lib compresses the object streams it writes with pako, zlib written in JavaScript: for the
// sample that took 150–260 ms of every build's finishing, after Chromium had printed. Node's own
// zlib (native code) writes the same format in 100 ms. pdf-lib looks pako.deflate up at each
// use, so its pako is given zlib's deflate, once, when the finishing stage loads: only the speed
// changes (and a few bytes of the result, which every reader reads the same). The bytes are
// those of the Node build that runs plan-press (its zlib), as the rest of the PDF's are those of
// the Chromium build: the same install gives the same PDF every time.
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";

const fromHere = createRequire(import.meta.url);
/** The pako that pdf-lib itself loads (resolved from pdf-lib, not from here). */
export const pdfLibPako = createRequire(fromHere.resolve("pdf-lib"))("pako") as { deflate: (data: Uint8Array) => Uint8Array };
/** What pdf-lib compresses with from now on. */
export const nativeDeflate = (data: Uint8Array): Uint8Array => deflateSync(data);
pdfLibPako.deflate = nativeDeflate;

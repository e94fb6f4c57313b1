// The stages every build prints with, in one module that build.ts loads only once the data is
// valid (after starting the browser): a data error answers without loading puppeteer or pdf-lib.
// What only some builds need is loaded by them alone: the comparison with an older version (a
// draft's changes) and sharp (the web edition's images).
export { printWithBrowser } from "./run-print.js";
export { renderBooklet } from "./render-booklet.js";
export { finishPdf } from "../finish/finish-pdf.js";
export { convertToPdfx } from "../finish/pdfx.js";
export { finishWebParts } from "../finish/web-files.js";
export { resolutionProblems } from "../print/image-resolution.js";

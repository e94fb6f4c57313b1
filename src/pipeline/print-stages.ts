// The stages a build needs once its data is valid, in one module that build.ts loads only then
// (after starting the browser): a data error answers without loading puppeteer, pdf-lib or sharp
// (about a second of CPU).
export { printWithBrowser } from "./run-print.js";
export { renderBooklet } from "./render-booklet.js";
export { finishPdf } from "../finish/finish-pdf.js";
export { convertToPdfx } from "../finish/pdfx.js";
export { finishWebParts } from "../finish/web-files.js";
export { webImageCopies } from "../render/downsample.js";
export { resolutionProblems } from "../print/image-resolution.js";
export { changesSince } from "../diff/revision-changes.js";

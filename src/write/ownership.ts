// Which existing files plan-press made, so it replaces only those: by what it writes into them
// (the PDF's creator, a generator tag in the HTML, the shape of the pagination hint, the web
// folder's manifest) and by name. Files of earlier versions carry the PDF creator and the
// HTML's own structure, so a rebuild over an older output/ keeps working.
import { closeSync, openSync, readSync, fstatSync } from "node:fs";
import { VERSION } from "../version.js";

/** What a file at a target path must be for plan-press to replace it. */
export type OwnedKind = "pdf" | "booklet-html" | "web-index" | "hint" | "manifest";

/** The tag our HTML carries in its head (booklet and web index). */
export const GENERATOR_META = `<meta name="generator" content="plan-press ${VERSION}">`;

// Our PDFs: pdf-lib writes the XMP packet uncompressed; Ghostscript writes /Creator in the clear,
// as text or as UTF-16 with octal escapes (files made before the PDF/X marker was plain).
const PDF_MARKERS = [
  "<xmp:CreatorTool>plan-press ",
  "/Creator(plan-press ",
  "/Creator (plan-press ",
  "/Creator(\\376\\377\\000p\\000l\\000a\\000n\\000-\\000p\\000r\\000e\\000s\\000s",
].map((m) => Buffer.from(m, "latin1"));

/** Our PDFs are a few MB; a file much larger is someone else's (and is not read through). */
const MAX_SCAN = 256 * 1024 * 1024;
const MAX_TEXT = 64 * 1024 * 1024;

/** True when the regular file at `file` was written by plan-press as `kind`. */
export function madeByPlanPress(file: string, kind: OwnedKind): boolean {
  try {
    switch (kind) {
      case "pdf":
        return startsWith(file, "%PDF-") && containsAny(file, PDF_MARKERS, MAX_SCAN);
      case "booklet-html": {
        const text = readText(file, MAX_TEXT);
        // Earlier versions: the printed booklet's own structure (page references and side starts).
        return text !== undefined && (text.includes(GENERATOR_PREFIX) || (/^<!doctype html>/i.test(text) && text.includes('data-page-of="') && text.includes('data-start="')));
      }
      case "web-index": {
        const text = readText(file, 1024 * 1024);
        return text !== undefined && (text.includes(GENERATOR_PREFIX) || (text.includes("<caption>章ごとのファイル</caption>") && text.includes("PDFファイルをご覧いただくには")));
      }
      case "hint": {
        const value = parseJson(file);
        return isObject(value) && typeof value.version === "string" && Array.isArray(value.blanksBefore) && isObject(value.labels);
      }
      case "manifest":
        return readManifest(file) !== undefined;
    }
  } catch {
    return false;
  }
}

const GENERATOR_PREFIX = '<meta name="generator" content="plan-press ';

/** The web folder's manifest: which files plan-press put there, with their sizes and digests. */
export interface Manifest {
  generator: "plan-press";
  version: string;
  kind: "web";
  files: Record<string, { bytes: number; sha256: string }>;
}

export function readManifest(file: string): Manifest | undefined {
  const value = parseJson(file);
  if (!isObject(value) || value.generator !== "plan-press" || value.kind !== "web" || !isObject(value.files)) return undefined;
  for (const [name, entry] of Object.entries(value.files)) {
    if (!/^[^/\\\0]+$/.test(name) || name === "." || name === "..") return undefined;
    if (!isObject(entry) || typeof entry.bytes !== "number" || typeof entry.sha256 !== "string") return undefined;
  }
  return value as unknown as Manifest;
}

/** The HTML with our generator tag at the top of its head (it changes nothing on the page). */
export function withGenerator(html: string): string {
  if (html.includes(GENERATOR_PREFIX)) return html;
  return html.replace(/<head>/i, (head) => `${head}\n${GENERATOR_META}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function parseJson(file: string): unknown {
  const text = readText(file, 4 * 1024 * 1024);
  return text === undefined ? undefined : JSON.parse(text);
}

/** The file's text, or undefined when it is larger than `limit` bytes. */
function readText(file: string, limit: number): string | undefined {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return undefined;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function startsWith(file: string, prefix: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(prefix.length);
    return readSync(fd, buffer, 0, prefix.length, 0) === prefix.length && buffer.toString("latin1") === prefix;
  } finally {
    closeSync(fd);
  }
}

/** Whether any marker occurs in the first `limit` bytes, read in chunks that overlap by a marker's length. */
function containsAny(file: string, markers: Buffer[], limit: number): boolean {
  const overlap = Math.max(...markers.map((m) => m.length));
  const fd = openSync(file, "r");
  try {
    if (fstatSync(fd).size > limit) return false;
    const chunk = Buffer.alloc(4 * 1024 * 1024 + overlap);
    let carried = 0;
    for (let position = 0; ; ) {
      const n = readSync(fd, chunk, carried, chunk.length - carried, position);
      if (n === 0) return false;
      const view = chunk.subarray(0, carried + n);
      if (markers.some((m) => view.includes(m))) return true;
      position += n;
      carried = Math.min(overlap, view.length);
      view.copy(chunk, 0, view.length - carried);
    }
  } finally {
    closeSync(fd);
  }
}

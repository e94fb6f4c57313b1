// The older version's pages, kept between runs. A draft built again and again against the same
// older version (--changes-since shingikai-1), and the diff after it, would print that older
// booklet each time (5–15 s) to learn where its removed items were. The answer depends only on
// what Chromium is given: the page's HTML, the files it loads, and the Chromium itself. So it is
// stored under a digest of exactly those: the HTML with every file it loads replaced by a digest
// of the file's bytes (the older version is read into a new temporary folder on every run, whose
// name is then left out), plan-press's version, and the Chromium executable's size and time.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR, readStored, writeStored } from "../cache-store.js";
import { VERSION } from "../version.js";

const STORE = path.join(CACHE_DIR, "old-pages");
/** Older versions kept (a plan's few committee meetings, with room to spare). */
const KEEP = 20;

/** A temporary folder's name (write/temp-dirs.ts). */
const TEMPORARY = /plan-press-[a-z]+-\d+-[A-Za-z0-9]{6}/g;

/** A file the page loads (`src="…"`, CSS `url("…")`), relative to the HTML's folder. */
const LOADED = /(\bsrc="|\burl\(")([^"]+)(")/g;

/**
 * The key of a print: undefined when it cannot be known (a file the page loads cannot be read,
 * or the Chromium executable cannot be identified).
 */
export function printKey(html: string, htmlDir: string, executable: string | undefined): string | undefined {
  if (!executable) return undefined;
  const hash = createHash("sha256").update(`plan-press ${VERSION}\n`);
  try {
    const chromium = statSync(executable);
    hash.update(`${executable} ${chromium.size} ${chromium.mtimeMs}\n`);
    const files = new Map<string, string>();
    const page = html.replace(LOADED, (whole, open: string, url: string, close: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("#")) return whole;
      const file = path.resolve(htmlDir, ...url.split("/").map((part) => decodeURIComponent(part.replace(/&amp;/g, "&"))));
      let digest = files.get(file);
      if (digest === undefined) files.set(file, (digest = createHash("sha256").update(readFileSync(file)).digest("hex")));
      return `${open}sha256:${digest}${close}`;
    });
    // The temporary folder the older version was read into is named in attributes that only
    // error messages use (data-fit-file): its name changes every run, and moves nothing.
    return hash.update(page.replace(TEMPORARY, "plan-press-temporary")).digest("hex");
  } catch {
    return undefined;
  }
}

/** The stored pages of a print (element id → page label), if any. */
export function storedPages(key: string, store = STORE): Map<string, string> | undefined {
  const stored = readStored<{ labels: Record<string, unknown> }>(path.join(store, `${key}.json`), key, (v) => !!v.labels && typeof v.labels === "object" && !Array.isArray(v.labels));
  if (!stored) return undefined;
  const labels = new Map<string, string>();
  for (const [id, label] of Object.entries(stored.labels)) if (typeof label === "string") labels.set(id, label);
  return labels;
}

/** Stores the pages of a print; the oldest beyond KEEP go. A store that cannot be written is skipped. */
export function storePages(key: string, labels: Map<string, string>, store = STORE): void {
  // Whole or not at all: another plan-press (the diff beside the draft) may read it meanwhile.
  writeStored(path.join(store, `${key}.json`), key, { labels: Object.fromEntries(labels) });
  try {
    const kept = readdirSync(store).filter((n) => n.endsWith(".json")).map((n) => ({ n, t: statSync(path.join(store, n)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { n } of kept.slice(KEEP)) rmSync(path.join(store, n), { force: true });
  } catch {
    // A read-only install: printed again next time.
  }
}

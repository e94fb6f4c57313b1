// Write for the web edition: a folder plan-press owns (its manifest lists every file it put there,
// with its digest), replaced as a whole. The new set is built in a hidden sibling folder and
// exchanged with the old one in one step, so the folder always holds one complete set (index.html
// agreeing with its PDFs). Where the exchange is not available, two renames and a journal do it
// and the next run finishes a swap that was cut short. Nothing in a folder holding files
// plan-press did not make is replaced or removed: such a folder is refused.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { WebPart } from "../finish/web-files.js";
import type { EditionView } from "../model/types.js";
import { renderWebIndex, type IndexedFile } from "../render/render-web-index.js";
import { UsageError } from "../errors.js";
import { VERSION } from "../version.js";
import { madeByPlanPress, readManifest, withGenerator, type Manifest, type OwnedKind } from "./ownership.js";
import { exchangePaths } from "./exchange.js";
import { faultPoint } from "./fault.js";
import { processAlive, removedOnExit, type TempDir } from "./temp-dirs.js";
import { shownPath, syncFolder, temporaryOwner, writeAtomic, writeDurable, writeError } from "./write-output.js";

/** What the web folder holds after a build. */
export interface WebFolder {
  index: string;
  files: IndexedFile[];
}

/** The manifest's name inside the web folder. */
export const MANIFEST = ".plan-press.json";

const JOURNAL_STALE_MS = 60_000;

/** A hidden sibling of the web folder: the new set (.new) or the old one set aside (.old). */
function sibling(dir: string, role: "new" | "old", pid = process.pid): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.plan-press-${pid}.${role}`);
}

function journalFile(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.plan-press-swap.json`);
}

/** What a file of an earlier version's web folder (no manifest) must be, by its name. */
function kindByName(name: string): OwnedKind | undefined {
  if (name === "index.html") return "web-index";
  if (/\.pdf$/i.test(name)) return "pdf";
  if (/\.html$/i.test(name)) return "booklet-html";
  if (/^\..+\.pagination\.json$/.test(name)) return "hint";
  return undefined;
}

/**
 * The folder may be replaced only if it is missing, or everything in it is plan-press's: listed
 * in its manifest and unchanged since, or (a folder of an earlier version) recognised by content.
 */
export function checkWebFolder(dir: string, option = "--out"): void {
  let entries: Dirent[];
  try {
    if (!lstatSync(dir).isDirectory()) throw new UsageError(`${option} に指定した ${shownPath(dir)} はフォルダではありません。ウェブ用には、フォルダ（例: output/web/）を指定してください。`);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err instanceof UsageError ? err : new UsageError(`${option} に指定したフォルダ ${shownPath(dir)} を読めません（${(err as NodeJS.ErrnoException).code}）。`, { cause: err });
  }
  const manifest = entries.some((e) => e.name === MANIFEST && e.isFile()) ? readManifest(path.join(dir, MANIFEST)) : undefined;
  const foreign: string[] = [];
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isFile() && (temporaryOwner(entry.name) !== undefined || (manifest && entry.name === MANIFEST))) continue;
    if (!entry.isFile()) foreign.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
    else if (manifest) {
      if (!unchanged(file, manifest.files[entry.name])) foreign.push(entry.name);
    } else {
      const kind = kindByName(entry.name);
      if (!kind || !madeByPlanPress(file, kind)) foreign.push(entry.name);
    }
  }
  if (foreign.length === 0) return;
  const listed = foreign.sort().slice(0, 5).join("、") + (foreign.length > 5 ? ` ほか ${foreign.length - 5} 件` : "");
  throw new UsageError(
    `${option} に指定したフォルダ ${shownPath(dir)} には、plan-press が作っていない（または作った後に変更された）ものがあります: ${listed}。` +
      `ウェブ用のフォルダは丸ごと入れ替えるため、上書きも削除もしません。新しいフォルダ（例: output/web/）を指定するか、それらを別の場所に移してください。`,
  );
}

function unchanged(file: string, entry: Manifest["files"][string] | undefined): boolean {
  if (!entry || statSync(file).size !== entry.bytes) return false;
  return createHash("sha256").update(readFileSync(file)).digest("hex") === entry.sha256;
}

/**
 * Finishes or undoes a swap a killed run left half done (two-rename fallback only), and removes
 * the staging and set-aside folders of runs that no longer exist.
 */
export function recoverWebFolder(dir: string): void {
  const journal = journalFile(dir);
  if (existsSync(journal)) {
    let pid = 0;
    try {
      pid = Number(JSON.parse(readFileSync(journal, "utf8")).pid);
    } catch {
      // Written by rename: never partial. Unreadable means not ours to act on; it is removed below.
    }
    if (pid !== process.pid && processAlive(pid) && Date.now() - statSync(journal).mtimeMs < JOURNAL_STALE_MS) {
      throw new UsageError(`別の plan-press（プロセス ${pid}）が ${shownPath(dir)} を入れ替えている途中です。終わってから、もう一度実行してください。`);
    }
    if (pid > 0 && !existsSync(dir)) {
      const fresh = sibling(dir, "new", pid);
      const old = sibling(dir, "old", pid);
      // The new set is complete once its manifest is there (written last): roll forward, else back.
      if (existsSync(path.join(fresh, MANIFEST))) renameSync(fresh, dir);
      else if (existsSync(old)) renameSync(old, dir);
    }
    syncFolder(path.dirname(dir));
    rmSync(journal, { force: true });
  }
  const pattern = new RegExp(`^\\.${escape(path.basename(dir))}\\.plan-press-(\\d+)\\.(new|old)$`);
  let names: string[] = [];
  try {
    names = readdirSync(path.dirname(dir));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) rmSync(path.join(path.dirname(dir), name), { recursive: true, force: true });
  }
}

export interface WebSet {
  booklet: Uint8Array;
  html: string;
  hint: string;
  parts: WebPart[];
  edition: EditionView;
}

/** The new set's folder while the build runs; commit() swaps it in, dispose() drops it if not. */
export interface WebStage {
  /** Where Chromium loads the booklet's HTML from: at the web folder's depth, so relative URLs match. */
  sourceHtml: string;
  commit(set: WebSet): WebFolder;
  dispose(): void;
}

/** Makes the staging folder beside `dir` (before printing: it also proves the place writable). */
export function stageWebFolder(dir: string, base: string, option = "--out"): WebStage {
  const staging = sibling(dir, "new");
  let temp: TempDir;
  try {
    mkdirSync(path.dirname(dir), { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    temp = removedOnExit(staging);
  } catch (err) {
    throw writeError(dir, err);
  }
  const sourceHtml = path.join(staging, `.${base}.source.html`);
  return {
    sourceHtml,
    dispose: () => temp.dispose(),
    commit: (set) => {
      const files = webFiles(base, set);
      const manifest: Manifest = { generator: "plan-press", version: VERSION, kind: "web", files: {} };
      try {
        rmSync(sourceHtml, { force: true });
        for (const [name, data] of files) {
          writeDurable(path.join(staging, name), data);
          manifest.files[name] = { bytes: Buffer.byteLength(data), sha256: createHash("sha256").update(data).digest("hex") };
          faultPoint(`web:stage:${name}`);
        }
        // Last: a staging folder with its manifest is complete.
        writeDurable(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 1));
        syncFolder(staging);
        faultPoint("web:staged");
        checkWebFolder(dir, option);
        swapIn(staging, dir);
      } catch (err) {
        throw writeError(dir, err);
      } finally {
        temp.dispose();
      }
      return index(dir, base, set);
    },
  };
}

/** Puts the staged folder at `dir`: a rename, an exchange, or (fallback) two renames under a journal. */
function swapIn(staging: string, dir: string): void {
  if (!existsSync(dir)) {
    renameSync(staging, dir);
    syncFolder(path.dirname(dir));
    faultPoint("web:renamed");
    return;
  }
  if (exchangePaths(staging, dir)) {
    syncFolder(path.dirname(dir));
    faultPoint("web:exchanged");
    // The staging name now holds the old set: gone with temp.dispose().
    return;
  }
  const old = sibling(dir, "old");
  writeAtomic(journalFile(dir), JSON.stringify({ generator: "plan-press", pid: process.pid }));
  faultPoint("web:swap:journal");
  renameSync(dir, old);
  faultPoint("web:swap:old-aside");
  try {
    renameSync(staging, dir);
  } catch (err) {
    renameSync(old, dir);
    rmSync(journalFile(dir), { force: true });
    throw err;
  }
  syncFolder(path.dirname(dir));
  faultPoint("web:swap:new-in");
  rmSync(journalFile(dir), { force: true });
  rmSync(old, { recursive: true, force: true });
  faultPoint("web:swap:done");
}

/** The files of the set, by name: the booklet, its parts, the printed HTML, the hint, the index. */
function webFiles(base: string, set: WebSet): Array<[string, Uint8Array | string]> {
  return [
    [`${base}.pdf`, set.booklet],
    ...set.parts.map((p): [string, Uint8Array] => [p.name, p.pdf]),
    [`${base}.html`, withGenerator(set.html)],
    [`.${base}.pagination.json`, set.hint],
    ["index.html", renderIndex(base, set)],
  ];
}

function indexedFiles(base: string, set: WebSet): IndexedFile[] {
  const pageCount = set.parts.reduce((n, p) => n + p.pageCount, 0);
  const whole: IndexedFile = { name: `${base}.pdf`, title: `${set.edition.title}（全体）`, pages: "全ページ", pageCount, bytes: set.booklet.byteLength };
  return [whole, ...set.parts.map((p): IndexedFile => ({
    name: p.name, title: p.title, pageCount: p.pageCount, bytes: p.pdf.byteLength,
    pages: p.firstLabel === p.lastLabel ? p.firstLabel : `${p.firstLabel}〜${p.lastLabel}`,
  }))];
}

function renderIndex(base: string, set: WebSet): string {
  const [whole, ...parts] = indexedFiles(base, set);
  const e = set.edition;
  return renderWebIndex({ title: e.title, city: e.city, period: e.period, date: e.dateLabel, whole: whole!, parts });
}

function index(dir: string, base: string, set: WebSet): WebFolder {
  return { index: path.join(dir, "index.html"), files: indexedFiles(base, set) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

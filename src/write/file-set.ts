// A booklet's files (PDF, HTML, pagination hint, PDF/X) written as one: all new or all old.
// Every file is first written in full beside its target; then a small journal naming the
// renames is written, the renames are done and the journal removed. A run killed before the
// journal leaves the previous set untouched (its temporary files go with the next run); one
// killed after it is completed by the next run before anything else (rolled forward: every
// file it names is already complete on disk).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { faultPoint } from "./fault.js";
import { processAlive } from "./temp-dirs.js";
import { shownPath, syncFolder, temporaryOwner, temporarySibling, writeAtomic, writeDurable, writeError } from "./write-output.js";

export interface FileToWrite {
  target: string;
  data: Uint8Array | string;
}

/** A journal older than this is a dead run's even if its process id was reused since. */
const JOURNAL_STALE_MS = 60_000;

function journalFile(dir: string, base: string): string {
  return path.join(dir, `.${base}.plan-press-journal.json`);
}

/**
 * Writes `files` (all in `dir`) as one set. `recheck` runs after everything is on disk and just
 * before the first rename (the targets may have changed during a minute of printing).
 */
export function commitFileSet(dir: string, base: string, files: FileToWrite[], recheck: () => void): void {
  const renames: Array<[string, string]> = [];
  try {
    for (const file of files) {
      const temp = temporarySibling(file.target);
      writeDurable(temp, file.data);
      renames.push([temp, file.target]);
      faultPoint(`files:temp:${path.basename(file.target)}`);
    }
    recheck();
    writeAtomic(journalFile(dir, base), JSON.stringify({
      generator: "plan-press", pid: process.pid, renames: renames.map(([t, f]) => [path.basename(t), path.basename(f)]),
    }));
    syncFolder(dir);
  } catch (err) {
    for (const [temp] of renames) rmSync(temp, { force: true });
    throw writeError(files[renames.length]?.target ?? dir, err);
  }
  faultPoint("files:journal");
  try {
    for (const [temp, target] of renames) {
      renameSync(temp, target);
      faultPoint(`files:rename:${path.basename(target)}`);
    }
  } catch (err) {
    // Some files are new and the journal stays: the next run completes the set from it.
    throw writeError(dir, err, "一部のファイルだけが新しくなっています。もう一度実行すると、そろった状態に直します。");
  }
  syncFolder(dir);
  rmSync(journalFile(dir, base), { force: true });
  faultPoint("files:done");
}

/** The file names of a booklet set called `base` (with its PDF/X file, which a run may or may not make). */
function familyNames(base: string): Set<string> {
  return new Set([`${base}.pdf`, `${base}.html`, `.${base}.pagination.json`, `${base}-pdfx.pdf`]);
}

/**
 * Completes every set in `dir` whose writer was killed after its journal (a folder such as
 * output/ holds several editions' sets), before their temporary files are cleared. A set still
 * being written by a live run is left to it, except `base`'s own, which is refused.
 */
export function recoverFileSets(dir: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const other = /^\.(.+)\.plan-press-journal\.json$/.exec(name)?.[1];
    if (other !== undefined) recoverFileSet(dir, other, familyNames(other), other === base);
  }
}

/**
 * Completes the set a killed run had committed (its journal is there): every file it names that
 * is still under its temporary name is renamed into place. `names`: the set's file names.
 */
function recoverFileSet(dir: string, base: string, names: Set<string>, ours: boolean): void {
  const journal = journalFile(dir, base);
  if (!existsSync(journal)) return;
  let entries: Array<[string, string]> = [];
  let pid = 0;
  try {
    const value = JSON.parse(readFileSync(journal, "utf8"));
    pid = Number(value.pid);
    entries = (Array.isArray(value.renames) ? value.renames : []).filter((e: unknown): e is [string, string] =>
      Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "string" &&
      temporaryOwner(e[0]) === pid && names.has(e[1]));
  } catch {
    // Unreadable: it was never completed (it is written by rename); nothing to finish.
  }
  if (pid !== process.pid && processAlive(pid) && Date.now() - statSync(journal).mtimeMs < JOURNAL_STALE_MS) {
    if (!ours) return;
    throw new UsageError(`別の plan-press（プロセス ${pid}）が ${shownPath(dir)} に書き込んでいる途中です。終わってから、もう一度実行してください。`);
  }
  for (const [temp, target] of entries) {
    if (existsSync(path.join(dir, temp))) renameSync(path.join(dir, temp), path.join(dir, target));
  }
  syncFolder(dir);
  rmSync(journal, { force: true });
}

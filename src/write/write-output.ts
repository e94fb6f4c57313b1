// Stage 7, write: atomically. A temporary file in the same folder is flushed to disk and renamed
// over the target, so a failure at any point (a full disk, Ctrl-C, a crash, a power cut) leaves
// the previous file byte-identical and no partial file behind. Sets of files are committed
// together by file-set.ts and web-folder.ts on top of these.
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PlanPressError } from "../errors.js";
import { processAlive } from "./temp-dirs.js";

/** Writes bytes to `target` via a temporary sibling file and rename. */
export function writeAtomic(target: string, data: Uint8Array | string): void {
  const temp = temporarySibling(target);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeDurable(temp, data);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw writeError(target, err);
  }
}

/**
 * Writes `data` as a new file at `target`, whole or not at all, and never over anything that
 * appeared there meanwhile (a hard link of the finished temporary fails if the name is taken).
 */
export function writeNew(target: string, data: Uint8Array | string): void {
  const temp = temporarySibling(target);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeDurable(temp, data);
    linkSync(temp, target);
  } catch (err) {
    throw writeError(target, err);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Writes a new file and flushes it to disk (it must not exist: never through a link or a device). */
export function writeDurable(file: string, data: Uint8Array | string): void {
  // A leftover of an earlier process with the same id goes first (it is ours: same temporary name).
  rmSync(file, { force: true });
  const fd = openSync(file, "wx", 0o644);
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (renames, new files) to disk, where the file system allows it. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder; the renames are still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const TEMP_MARK = "plan-press";

/** A hidden temporary name beside `target`, unique to this process; keeps the extension
 * (Chromium decides by it that a file is HTML). */
export function temporarySibling(target: string): string {
  const ext = path.extname(target);
  const name = path.basename(target, ext).replace(/^\./, "");
  return path.join(path.dirname(target), `.${name}.${TEMP_MARK}-${process.pid}.tmp${ext}`);
}

/** The process that made a temporary file of ours, or undefined for any other name. */
export function temporaryOwner(name: string): number | undefined {
  const m = /^\..+\.plan-press-(\d+)\.tmp(\.[A-Za-z0-9]+)?$/.exec(name)
    // Earlier versions: .action-plan.<pid>.tmp.pdf (and .probe), only for names of our outputs.
    ?? /^\.\.?(?:action-plan|shinkyu-taisho|index)[^/]*?\.(\d+)\.tmp(\.[a-z]+)*$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Removes temporary files that a killed earlier run (SIGKILL, power cut) left in `dir`: those
 * of processes that no longer exist.
 */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = temporaryOwner(name);
    if (pid === undefined || pid === process.pid || processAlive(pid)) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

/** A path as staff typed or see it: relative to the working folder when inside it, and never endless. */
export function shownPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : p;
  return shown.length > 160 ? `${shown.slice(0, 80)}…${shown.slice(-60)}（${Buffer.byteLength(shown)} バイト）` : shown;
}

/** A file-system failure in plain words; `kept` says what became of the previous files. */
export function writeError(target: string, err: unknown, kept = "前回のファイルはそのままです。"): Error {
  if (err instanceof PlanPressError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: "ディスクの空きが足りません。不要なファイルを消してから、もう一度実行してください。",
    EDQUOT: "ディスクの使用量の上限に達しています。不要なファイルを消してから、もう一度実行してください。",
    EACCES: "書き込む権限がありません。フォルダの権限を確認するか、--out で別の場所を指定してください。",
    EPERM: "書き込む権限がありません。フォルダの権限を確認するか、--out で別の場所を指定してください。",
    EROFS: "読み取り専用の場所です。--out で別の場所を指定してください。",
    EISDIR: "同じ名前のフォルダがあります。--out にはファイルの名前（…/action-plan.pdf）を指定してください。",
    ENOTDIR: "途中にフォルダではなくファイルがあります。--out の場所を確認してください。",
    EEXIST: "同じ名前のものが書き込みの途中で置かれました。もう一度実行してください。",
    ENAMETOOLONG: "名前が長すぎます。--out に短い名前を指定してください。",
    ELOOP: "途中のリンク（ショートカット）が循環しています。--out の場所を確認してください。",
    EBUSY: "ほかのソフトがファイルを使っています。PDF を開いているソフトを閉じてから、もう一度実行してください。",
    ENOENT: "書き込めない場所です（フォルダが途中で消されたか、特別な場所です）。--out の場所を確認してください。",
    EIO: "ディスクの読み書きに失敗しました（入出力エラー）。ディスクや接続を確認して、もう一度実行してください。",
    EMFILE: "開いているファイルが多すぎます。ほかのソフトを閉じてから、もう一度実行してください。",
  };
  const reason = code ? reasons[code] : undefined;
  if (!reason) return err as Error;
  return new PlanPressError(`${shownPath(target)} に書き込めません（${code}）: ${reason}${kept}`, { cause: err });
}

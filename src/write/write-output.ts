// Stage 7, write: atomically. A temporary file in the same folder is flushed to disk and renamed
// over the target, so a failure at any point (a full disk, Ctrl-C, a crash, a power cut) leaves
// the previous booklet byte-identical and no partial file behind.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { PlanPressError } from "../errors.js";

/** Writes bytes to `target` via a temporary sibling file and rename. */
export function writeAtomic(target: string, data: Uint8Array | string): void {
  const temp = temporarySibling(target);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    const fd = openSync(temp, "w");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw writeError(target, err);
  }
}

/** Fails early, before any printing, when `target` cannot be written (a folder, no permission, read-only). */
export function ensureWritable(target: string): void {
  const probe = `${temporarySibling(target)}.probe`;
  try {
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error(`${target} is a directory`), { code: "EISDIR" });
    }
    mkdirSync(path.dirname(target), { recursive: true });
    closeSync(openSync(probe, "w"));
  } catch (err) {
    throw writeError(target, err);
  } finally {
    rmSync(probe, { force: true });
  }
}

/** A hidden temporary name beside `target`, unique to this process; keeps the extension
 * (Chromium decides by it that a file is HTML). */
export function temporarySibling(target: string): string {
  const ext = path.extname(target);
  return path.join(path.dirname(target), `.${path.basename(target, ext)}.${process.pid}.tmp${ext}`);
}

/**
 * Removes temporary files that a killed earlier run (SIGKILL, power cut) left beside `target`:
 * those of processes that no longer exist.
 */
export function removeStaleTemporaries(target: string): void {
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\..+\.(\d+)\.tmp(\.[a-z]+)*$/.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A file-system failure in plain words (the previous file is untouched). */
function writeError(target: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: "ディスクの空きが足りません。不要なファイルを消してから、もう一度実行してください。",
    EDQUOT: "ディスクの使用量の上限に達しています。不要なファイルを消してから、もう一度実行してください。",
    EACCES: "書き込む権限がありません。フォルダの権限を確認するか、--out で別の場所を指定してください。",
    EPERM: "書き込む権限がありません。フォルダの権限を確認するか、--out で別の場所を指定してください。",
    EROFS: "読み取り専用の場所です。--out で別の場所を指定してください。",
    EISDIR: "同じ名前のフォルダがあります。--out にはファイルの名前（…/action-plan.pdf）を指定してください。",
    ENOTDIR: "途中にフォルダではなくファイルがあります。--out の場所を確認してください。",
    EBUSY: "ほかのソフトがファイルを使っています。PDF を開いているソフトを閉じてから、もう一度実行してください。",
  };
  const reason = code ? reasons[code] : undefined;
  if (!reason) return err as Error;
  return new PlanPressError(`${target} に書き込めません（${code}）: ${reason}前回のファイルはそのままです。`, { cause: err });
}

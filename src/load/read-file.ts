// Reading one data file safely: only regular files inside the data folder, never blocking (a
// FIFO or a device would hang the read), at most MAX_FILE_BYTES, and only UTF-8 text.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../validate/diagnostic.js";
import { fileProblem } from "./yaml-problems.js";

// A data file larger than this is not plan data (a pasted export, a binary): refuse it early.
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The file's text (BOM and CRLF removed), or undefined with the reason in `diagnostics`. */
export function readDataFile(abs: string, root: string, file: string, diagnostics: Diagnostic[]): string | undefined {
  const bytes = readDataBytes(abs, root, file, diagnostics, MAX_FILE_BYTES);
  return bytes && decode(bytes, (message, hint, en) => {
    diagnostics.push(fileProblem(file, message, hint, en));
    return undefined;
  });
}

/** The file's bytes (at most `limit`), or undefined with the reason in `diagnostics`. */
export function readDataBytes(abs: string, root: string, file: string, diagnostics: Diagnostic[], limit: number): Buffer | undefined {
  const problem = (message: string, hint: string, en: string) => {
    diagnostics.push(fileProblem(file, message, hint, en));
    return undefined;
  };
  // Files are read only from inside the data folder: a link (symlink) pointing elsewhere could
  // print any file of the machine into the booklet, or a device that never ends.
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const dangling = code === "ENOENT" && (() => { try { return lstatSync(abs).isSymbolicLink(); } catch { return false; } })();
    if (code === "ENOENT" && !dangling) return problem("ファイルがありません", "ファイルを作成するか、--data で正しいフォルダを指定してください。", "file not found");
    const why = dangling ? "リンク先がありません" : code === "ELOOP" ? "リンクが循環しています" : code === "ENAMETOOLONG" ? "名前が長すぎます" : code ?? "error";
    return problem(`ファイルを読めません（${why}）`, "ファイルの権限やリンク（ショートカット）の先を確認してください。", `cannot resolve file: ${code}`);
  }
  if (!real.startsWith(root + path.sep)) {
    return problem("データのフォルダの外を指すリンクです（読み込みません）", "リンクではなく、ファイルそのものをデータのフォルダに置いてください。", "link points outside the data folder");
  }
  // The type is known before opening: opening a FIFO (named pipe) blocks until someone writes.
  const type = fileType(real);
  if (type !== "file") {
    return problem(`ファイルであるべき場所が${type}になっています`, `${type}を別の場所に移し、ここには計画のデータのファイルを置いてください。`, `not a regular file: ${type}`);
  }
  let fd: number | undefined;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the check, open still returns at once.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return problem("ファイルであるべき場所が特殊なファイルになっています", "計画のデータのファイルを置いてください。", "not a regular file");
    // Read at most one byte more than allowed, whatever the size says (some files report 0), into
    // a buffer of the size the file states (zeroing the whole limit for each of a hundred files
    // was a third of a check's time), grown only when the file is longer than it said.
    let chunk = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(fstatSync(fd).size + 1, 4096)));
    let length = 0;
    for (let n = 1; n > 0 && length <= limit; length += n) {
      if (length === chunk.length) chunk = Buffer.concat([chunk, Buffer.allocUnsafe(Math.min(chunk.length, limit + 1 - length))]);
      n = readSync(fd, chunk, length, chunk.length - length, null);
    }
    if (length > limit) {
      const mb = Math.round(limit / 1024 / 1024);
      return problem(`ファイルが大きすぎます（${mb} MB を超えています）`, `計画のデータ以外の内容が入っていないか確認してください（上限 ${mb} MB）。`, "file too large");
    }
    return chunk.subarray(0, length);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = code === "EACCES" || code === "EPERM" ? "読む権限がありません" : code === "EISDIR" ? "フォルダです" : code ?? "error";
    return problem(`ファイルを読めません（${what}）`, "ファイルの権限や、ほかのソフトで開いたままになっていないかを確認してください。", `cannot read file: ${code}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What is at a path, in staff's words ("file" for a regular file). */
export function fileType(abs: string): "file" | "フォルダ" | "名前付きパイプ（FIFO）" | "デバイス" | "ソケット" | "特殊なファイル" | "missing" {
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) return "missing";
  if (st.isFile()) return "file";
  if (st.isDirectory()) return "フォルダ";
  if (st.isFIFO()) return "名前付きパイプ（FIFO）";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "デバイス";
  if (st.isSocket()) return "ソケット";
  return "特殊なファイル";
}

function decode(buf: Buffer, problem: (message: string, hint: string, en: string) => undefined): string | undefined {
  // UTF-16 (Windows "Unicode" text) has NUL bytes and would look binary: say what it is.
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return problem("文字コードが UTF-16（Unicode）です", "エディタで「UTF-8」を選んで保存し直してください。", "UTF-16 text");
  }
  if (buf.includes(0)) return problem("テキストファイルではありません（バイナリデータが含まれています）", "UTF-8 のテキストとして保存し直してください。", "binary content");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buf);
  if (text.includes("\uFFFD")) {
    return problem("文字コードが UTF-8 ではありません（Shift_JIS などの可能性があります）", "エディタで「UTF-8」を選んで保存し直してください。", "not valid UTF-8");
  }
  // A BOM and CRLF line ends come from Windows editors; both are harmless once removed.
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

// Listing a folder of the data: the files of the kinds it holds, and a warning for anything else
// in it (a .yml, a stray note), so nobody believes a file printed that nothing reads.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../validate/diagnostic.js";
import { displayPath } from "./source.js";
import { fileType } from "./read-file.js";
import { fileProblem } from "./yaml-problems.js";

/** The files of `folder` (under dataDir) ending in one of `exts`, in natural order; others are warned. */
export function folderFiles(dataDir: string, entries: Set<string>, folder: string, exts: string[], diagnostics: Diagnostic[]): string[] {
  const dir = path.join(dataDir, folder);
  if (!entries.has(folder)) return [];
  const kind = fileType(dir);
  if (kind !== "フォルダ") {
    diagnostics.push(fileProblem(displayPath(dir), `フォルダであるべき場所が${kind === "file" ? "ファイル" : kind}になっています`, `${folder} という名前のフォルダにしてください。`, "not a folder"));
    return [];
  }
  const names = readdirSync(dir).filter((n) => !n.startsWith(".")).sort(naturalOrder);
  const wanted = (n: string) => exts.some((e) => n.endsWith(e));
  for (const n of names.filter((n) => !wanted(n))) diagnostics.push(unread(path.join(dir, n), exts));
  return names.filter(wanted).map((n) => path.join(dir, n));
}

/** A warning for a file or folder that plan-press does not read, with what it probably meant. */
export function unread(abs: string, exts: string[]): Diagnostic {
  const name = path.basename(abs);
  const type = fileType(abs);
  const what = type === "file" ? "ファイル" : type === "missing" ? "リンク" : type;
  let hint = "不要なら削除するか、データのフォルダの外に移してください（README の「データの構成」）。";
  const lower = name.toLowerCase();
  if (exts.includes(".yaml") && /\.yml$/i.test(name)) hint = `拡張子を .yaml にしてください（${name.replace(/\.yml$/i, ".yaml")}）。`;
  else if (exts.some((e) => lower.endsWith(e)) && name !== lower) hint = `拡張子を小文字（${exts.join("、")}）にしてください。`;
  else if (exts.includes(".md") && /\.(markdown|txt)$/i.test(name)) hint = `拡張子を .md にしてください（${name.replace(/\.[^.]+$/, ".md")}）。`;
  else if (exts.length > 0) hint = `このフォルダに置けるのは ${exts.join("、")} のファイルです。${hint}`;
  return {
    severity: "warning", file: displayPath(abs), line: 1, column: 1, field: "",
    message: `この${what}は読み込まれません（冊子に使われません）`, hint, en: "file or folder not read by plan-press",
  };
}

/** "1-10" after "1-9": file order follows policy numbers, not character codes. */
export function naturalOrder(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

// One collator for every comparison: localeCompare with options makes one each time (a sort of
// the data's files took 30 ms).
const NATURAL = new Intl.Collator("ja", { numeric: true });

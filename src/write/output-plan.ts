// Before anything is read or printed: every file the run will write, decided from --out, and
// every unsafe target refused in plain words. plan-press writes only into places that are not
// its inputs, replaces only regular files it made itself (ownership.ts), and a web folder only
// when everything in it is its own. A killed earlier run's half-finished write is completed
// (file-set.ts, web-folder.ts) and its temporary files removed first.
import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { PROJECT_ROOT } from "../paths.js";
import { madeByPlanPress, type OwnedKind } from "./ownership.js";
import { recoverFileSets } from "./file-set.js";
import { MANIFEST, checkWebFolder, recoverWebFolder } from "./web-folder.js";
import { removeStaleTemporaries, shownPath } from "./write-output.js";

/** What the command writes: a booklet's files, the web edition's folder, or one PDF (diff). */
export interface OutputRequest {
  kind: "files" | "web" | "single";
  /** The file name used when --out names a folder (action-plan.pdf, action-plan-draft.pdf …). */
  defaultName: string;
  /** --out exactly as typed (a trailing separator means a folder). */
  out: string;
  /** The option's name in messages. */
  option?: string;
  /** Folders and files the run reads (the data folder, the compared folder …). */
  inputs: Array<{ path: string; label: string }>;
  /** Print edition: also the PDF/X file. */
  pdfx?: boolean;
}

interface Common {
  /** The folder written into (its real path). */
  dir: string;
  /** The booklet's name without .pdf. */
  base: string;
  pdf: string;
}
export interface FilesPlan extends Common { kind: "files"; html: string; hint: string; pdfx?: string }
export interface WebPlan extends Common { kind: "web"; html: string; hint: string; index: string }
export interface SinglePlan extends Common { kind: "single" }
export type OutputPlan = FilesPlan | WebPlan | SinglePlan;

/** Linux limits: a name of 255 bytes, a path of 4096. */
const NAME_MAX = 255;
const PATH_MAX = 4095;

/** The project's own inputs (templates, styles, fonts and icons, the program). */
const PROJECT_INPUTS = ["templates", "styles", "assets", "schema", "src", "dist", "bin", "node_modules"].map((d) => ({
  path: path.join(PROJECT_ROOT, d), label: `plan-press の ${d}/ フォルダ`,
}));

/** Decides and checks every target of the run; throws a UsageError naming the option, the path and why. */
export function planOutput(request: OutputRequest): OutputPlan {
  const option = request.option ?? "--out";
  checkText(request.out, option);
  const folderMeant = /[\\/]$/.test(request.out);
  const absolute = path.resolve(request.out);
  // An existing folder (or a link to one) means "into this folder", unless it is named like a PDF.
  const existing = lstatOf(absolute, option);
  const folderThere = existing?.isDirectory() === true || (existing?.isSymbolicLink() === true && statOf(absolute)?.isDirectory() === true);
  const isFolder = folderMeant || (folderThere && !/\.pdf$/i.test(absolute));

  let plan: OutputPlan;
  if (request.kind === "web") {
    const dir = isFolder || !/\.pdf$/i.test(absolute) ? realLocation(absolute, option) : realLocation(path.dirname(absolute), option);
    const base = isFolder || !/\.pdf$/i.test(absolute) ? path.basename(request.defaultName, ".pdf") : path.basename(absolute).replace(/\.pdf$/i, "");
    plan = { kind: "web", dir, base, pdf: path.join(dir, `${base}.pdf`), html: path.join(dir, `${base}.html`), hint: path.join(dir, `.${base}.pagination.json`), index: path.join(dir, "index.html") };
  } else {
    const file = isFolder ? path.join(absolute, request.defaultName) : absolute;
    const dir = realLocation(path.dirname(file), option);
    const base = path.basename(file).replace(/\.pdf$/i, "");
    const pdf = path.join(dir, path.basename(file));
    plan = request.kind === "single"
      ? { kind: "single", dir, base, pdf }
      : { kind: "files", dir, base, pdf, html: path.join(dir, `${base}.html`), hint: path.join(dir, `.${base}.pagination.json`), ...(request.pdfx ? { pdfx: path.join(dir, `${base}-pdfx.pdf`) } : {}) };
  }
  checkText(plan.pdf, option);

  const system = SYSTEM_FOLDERS.find((d) => plan.dir === d || inside(plan.dir, d));
  if (system) throw new UsageError(`${option} に指定した ${shownPath(plan.dir)} は、システムの特別なフォルダ（${system}）です。ファイルを置くフォルダ（例: output/）を指定してください。`);
  checkInputs(plan, [...request.inputs, ...PROJECT_INPUTS], option);
  if (plan.kind !== "web" && !/\.pdf$/i.test(plan.pdf)) {
    throw new UsageError(`${option} には、PDF の名前（例: output/${request.defaultName}）か、フォルダ（最後に / を付けます。例: output/審議会用/）を指定してください: ${shownPath(request.out)}`);
  }
  writableFolder(plan.kind === "web" ? path.dirname(plan.dir) : plan.dir, option);

  // A killed earlier run: its write is finished (or undone), its temporary files cleared.
  if (plan.kind === "web") {
    recoverWebFolder(plan.dir);
    checkWebFolder(plan.dir, option);
    removeStaleTemporaries(plan.dir);
  } else {
    if (lstatOf(path.join(plan.dir, MANIFEST), option)) {
      throw new UsageError(`${option} に指定した ${shownPath(plan.dir)} は、ウェブ用のフォルダです（plan-press が丸ごと入れ替えます）。ほかの版は別のフォルダ（例: output/）に作ってください。`);
    }
    recoverFileSets(plan.dir, plan.base);
    removeStaleTemporaries(plan.dir);
    checkTargets(plan, option);
  }
  return plan;
}

/** The names of a booklet's files in its folder, and what each must be to be replaced. */
export function setNames(plan: FilesPlan | SinglePlan): Map<string, OwnedKind> {
  const names = new Map<string, OwnedKind>([[path.basename(plan.pdf), "pdf"]]);
  if (plan.kind === "files") {
    names.set(path.basename(plan.html), "booklet-html");
    names.set(path.basename(plan.hint), "hint");
    if (plan.pdfx) names.set(path.basename(plan.pdfx), "pdf");
  }
  return names;
}

/**
 * plan-press pages: the folder of page images is replaced file by file; it may hold only what that
 * command makes (page-001.png …, contact-sheet.png/.html), each a regular file. Returns its real path.
 */
export function checkPagesFolder(out: string, inputs: OutputRequest["inputs"], option = "--out"): string {
  checkText(out, option);
  const dir = realLocation(path.resolve(out), option);
  checkInputs({ kind: "pages", dir }, [...inputs, ...PROJECT_INPUTS], option);
  writableFolder(dir, option);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return dir; // not there yet
  }
  const foreign = names.filter((n) => !/^(page-\d+\.png|contact-sheet\.(png|html))$/.test(n) || !lstatSync(path.join(dir, n)).isFile());
  if (foreign.length > 0) {
    throw new UsageError(`${option} に指定したフォルダ ${shownPath(dir)} には、plan-press pages が作ったもののほかにファイルがあります（${foreign.slice(0, 5).join("、")}${foreign.length > 5 ? ` ほか ${foreign.length - 5} 件` : ""}）。ページの画像は入れ替えるため、新しいフォルダ（例: output/pages/）を指定してください。`);
  }
  return dir;
}

/** Each existing target must be a regular file plan-press made (checked again just before the write). */
export function checkTargets(plan: FilesPlan | SinglePlan, option = "--out"): void {
  for (const [name, kind] of setNames(plan)) {
    const file = path.join(plan.dir, name);
    const stat = lstatOf(file, option);
    if (!stat) continue;
    if (!stat.isFile()) throw new UsageError(`${option}: ${shownPath(file)} ${notRegular(stat)}plan-press は、自分が作った普通のファイルのほかは書き換えません。別の名前か別のフォルダを指定してください。`);
    if (!madeByPlanPress(file, kind)) throw notOurs(file);
  }
}

/** Refusal of a file that plan-press did not make. */
export function notOurs(file: string): UsageError {
  return new UsageError(`${shownPath(file)} は plan-press が作ったファイルではないため上書きしません。別の名前を指定するか、そのファイルを移してください。`);
}

/** What kind of non-regular file is in the way, in plain words. */
export function notRegular(stat: Stats): string {
  if (stat.isDirectory()) return "と同じ名前のフォルダがあります。";
  if (stat.isSymbolicLink()) return "はリンク（ショートカット）です。リンク先を書き換えないよう、";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "はデバイス（装置を表す特別なファイル）です。";
  if (stat.isFIFO()) return "は名前付きパイプ（特別なファイル）です。";
  if (stat.isSocket()) return "はソケット（特別なファイル）です。";
  return "は普通のファイルではありません。";
}

/** Empty, NUL, or longer than the system allows: said before the file system says it worse. */
function checkText(value: string, option: string): void {
  if (value.trim() === "") throw new UsageError(`${option} が空です。出力するファイルかフォルダの名前を指定してください。`);
  if (value.includes("\0")) throw new UsageError(`${option} に使えない文字（NUL）が含まれています。`);
  const long = value.split(/[\\/]/).find((part) => Buffer.byteLength(part) > NAME_MAX);
  if (long !== undefined) {
    throw new UsageError(`${option} の名前が長すぎます（「${long.slice(0, 20)}…」が ${Buffer.byteLength(long)} バイト。フォルダやファイルの名前は ${NAME_MAX} バイトまでです）。短い名前を指定してください。`);
  }
  if (Buffer.byteLength(path.resolve(value)) > PATH_MAX) {
    throw new UsageError(`${option} の場所が長すぎます（全体で ${Buffer.byteLength(path.resolve(value))} バイト。${PATH_MAX} バイトまでです）。短い場所を指定してください。`);
  }
}

/** lstat, or undefined when nothing is there; other failures in plain words. */
function lstatOf(file: string, option: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw pathError(file, code === "ENOTDIR" ? Object.assign(err as Error, { path: firstNonFolder(file) }) : err, option);
  }
}

/** stat (following links), or undefined when it cannot be followed. */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The real location of `p` (links resolved), also when its last parts do not exist yet: the
 * nearest existing folder is resolved and the rest appended.
 */
function realLocation(p: string, option: string): string {
  const rest: string[] = [];
  for (let at = p; ; at = path.dirname(at)) {
    try {
      const real = realpathSync(at);
      if (!lstatSync(real).isDirectory()) {
        throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR", path: at });
      }
      return path.join(real, ...rest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") throw pathError(p, Object.assign(err as Error, { path: firstNonFolder(at) }), option);
      if (code !== "ENOENT" || path.dirname(at) === at) throw pathError(p, err, option);
      rest.unshift(path.basename(at));
    }
  }
}

/** The first part of `p` that exists and is not a folder (where ENOTDIR comes from). */
function firstNonFolder(p: string): string {
  const parts = p.split(path.sep);
  for (let i = 2; i <= parts.length; i++) {
    const at = parts.slice(0, i).join(path.sep) || path.sep;
    try {
      if (!lstatSync(at).isDirectory() && !lstatSync(at).isSymbolicLink()) return at;
    } catch {
      return p;
    }
  }
  return p;
}

/** Kernel file systems: nothing plan-press writes belongs there. */
const SYSTEM_FOLDERS = ["/proc", "/sys", "/dev"];

/** The output must not be, hold, or lie inside anything the run reads. */
function checkInputs(plan: OutputPlan | { kind: "pages"; dir: string }, inputs: OutputRequest["inputs"], option: string): void {
  const targets = plan.kind === "web" || plan.kind === "pages" ? [plan.dir] : [...setNames(plan).keys()].map((n) => path.join(plan.dir, n));
  for (const input of inputs) {
    let real: string;
    try {
      real = realpathSync(path.resolve(input.path));
    } catch {
      continue; // not there (a git revision, a missing folder): nothing to overwrite
    }
    for (const target of targets) {
      if (target === real) throw new UsageError(`${option} に指定した ${shownPath(target)} は、${input.label}（${shownPath(real)}）と同じです。読み込むものを上書きしないよう、別の場所（例: output/）を指定してください。`);
      if (inside(target, real)) throw new UsageError(`${option} に指定した ${shownPath(target)} は、${input.label}（${shownPath(real)}）の中です。読み込むものを上書きしないよう、その外（例: output/）を指定してください。`);
      if (plan.kind === "web" && inside(real, target)) {
        throw new UsageError(`${option} に指定したフォルダ ${shownPath(target)} の中に、${input.label}（${shownPath(real)}）があります。ウェブ用のフォルダは丸ごと入れ替えるため、新しいフォルダ（例: output/web/）を指定してください。`);
      }
    }
  }
}

function inside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** The folder (or, when it does not exist yet, its nearest existing parent) must take new files. */
function writableFolder(dir: string, option: string): void {
  let at = dir;
  while (!lstatOf(at, option) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    if (!lstatSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR" });
    accessSync(at, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw pathError(at, err, option);
  }
}

/** A file-system failure on an output path, as a usage error in plain words. */
export function pathError(p: string, err: unknown, option = "--out"): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  const at = (err as NodeJS.ErrnoException).path ?? p;
  const reasons: Record<string, string> = {
    ENOTDIR: `${shownPath(at)} はフォルダではなくファイルです。場所を確認してください。`,
    ENAMETOOLONG: "名前が長すぎます。短い名前を指定してください。",
    ELOOP: "途中のリンク（ショートカット）が循環しています。リンクを直すか、別の場所を指定してください。",
    EACCES: "書き込む（または開く）権限がありません。フォルダの権限を確認するか、別の場所を指定してください。",
    EPERM: "書き込む権限がありません。フォルダの権限を確認するか、別の場所を指定してください。",
    EROFS: "読み取り専用の場所です。別の場所を指定してください。",
    EEXIST: "同じ名前のものがすでにあります。別の名前を指定してください。",
    EIO: "ディスクの読み書きに失敗しました（入出力エラー）。ディスクや接続を確認してください。",
  };
  return new UsageError(`${option} の場所 ${shownPath(p)} を使えません（${code || "不明な理由"}）: ${reasons[code] ?? "場所を確認してください。"}`, { cause: err });
}

/**
 * A file the command makes new and never replaces (plan-press sheet export: a workbook of that
 * name may already hold a department's answers). Checked like a booklet's targets; returns its
 * real path. `extension` is the only ending it may have (".xlsx").
 */
export function planNewFile(out: string, defaultName: string, extension: string, inputs: OutputRequest["inputs"], option = "--out"): string {
  checkText(out, option);
  const absolute = path.resolve(out);
  const existing = lstatOf(absolute, option);
  const isFolder = /[\\/]$/.test(out) || existing?.isDirectory() === true || (existing?.isSymbolicLink() === true && statOf(absolute)?.isDirectory() === true);
  const file = isFolder ? path.join(absolute, defaultName) : absolute;
  if (!file.toLowerCase().endsWith(extension)) {
    throw new UsageError(`${option} のファイル名は「${extension}」で終わるようにしてください（いまは「${path.basename(file)}」）。例: ${defaultName}`);
  }
  const dir = realLocation(path.dirname(file), option);
  const target = path.join(dir, path.basename(file));
  checkText(target, option);
  const system = SYSTEM_FOLDERS.find((d) => dir === d || inside(dir, d));
  if (system) throw new UsageError(`${option} に指定した ${shownPath(dir)} は、システムの特別なフォルダ（${system}）です。ファイルを置くフォルダ（例: output/）を指定してください。`);
  checkInputs({ kind: "single", dir, base: path.basename(target), pdf: target }, [...inputs, ...PROJECT_INPUTS], option);
  writableFolder(dir, option);
  const there = lstatOf(target, option);
  if (there) {
    throw new UsageError(there.isFile()
      ? `${shownPath(target)} はすでにあります。各課の入力が入っているかもしれないため、上書きしません。${option} で別の名前を指定するか、そのファイルを移してください。`
      : `${option}: ${shownPath(target)} ${notRegular(there)}別の名前を指定してください。`);
  }
  return target;
}

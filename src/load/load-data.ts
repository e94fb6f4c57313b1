// Stage 1, load: reads data/ into parsed YAML documents (with their source positions) and
// Markdown texts, cleaning characters that must not reach the booklet (each fix is reported).
import { closeSync, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import type { FileKind } from "../validate/schema.js";
import type { Diagnostic } from "../validate/diagnostic.js";
import { fieldPath } from "../validate/diagnostic.js";
import { cleanText, codePointLabel, reasonJa, type TextFix } from "./text-hygiene.js";
import { displayPath, lineColumn, nodePath } from "./source.js";
import { YAML_HINTS, fileProblem, tooDeep, unclosedOpener, yamlProblem } from "./yaml-problems.js";

/** A parsed YAML data file. */
export interface YamlSource {
  kind: FileKind;
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** A Markdown prose file (data/text/NAME.md): cleaned text, and the file as written. */
export interface MarkdownSource {
  name: string;
  file: string;
  text: string;
  raw: string;
}

/** Everything read from the data folder, plus the problems met while reading it. */
export interface LoadedData {
  dataDir: string;
  yaml: YamlSource[];
  markdown: MarkdownSource[];
  diagnostics: Diagnostic[];
}

/** The prose files the booklet needs, by name. */
export const TEXT_NAMES = ["purpose", "period", "management", "structure", "districts", "projects"] as const;
export type TextName = (typeof TEXT_NAMES)[number];

const SINGLE_FILES: Array<[string, FileKind]> = [
  ["edition.yaml", "edition"],
  ["sdgs.yaml", "sdgs"],
  ["related-plans.yaml", "relatedPlans"],
];
const FOLDERS: Array<[string, FileKind]> = [
  ["policy-areas", "policyArea"],
  ["policies", "policy"],
  ["projects", "project"],
  ["districts", "district"],
];

// A data file larger than this is not plan data (a pasted export, a binary): refuse it early.
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Parsed files by path, reused while a file's text is unchanged (the preview reloads the data on
 * every save; parsing all of it again is most of its time). Pass the same map to each call.
 */
export type LoadCache = Map<string, { text: string; yaml?: YamlSource; diagnostics: Diagnostic[] }>;

/** Reads and parses every data file under dataDir; never throws for bad data. */
export function loadData(dataDir: string, cache?: LoadCache): LoadedData {
  const diagnostics: Diagnostic[] = [];
  const yaml: YamlSource[] = [];
  const markdown: MarkdownSource[] = [];

  // Files are read only from inside the data folder: a link (symlink) pointing elsewhere could
  // print any file of the machine into the booklet, or a device that never ends.
  const root = (() => {
    try {
      return realpathSync(dataDir);
    } catch {
      return path.resolve(dataDir);
    }
  })();
  const readText = (abs: string, requiredWhat: string): string | undefined => {
    const file = displayPath(abs);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const dangling = code === "ENOENT" && (() => { try { return lstatSync(abs).isSymbolicLink(); } catch { return false; } })();
      if (code === "ENOENT" && !dangling) {
        diagnostics.push(fileProblem(file, `ファイルがありません（${requiredWhat}）`, "ファイルを作成するか、--data で正しいフォルダを指定してください。", "file not found"));
      } else {
        diagnostics.push(fileProblem(file, `ファイルを読めません（${dangling ? "リンク先がありません" : code === "ELOOP" ? "リンクが循環しています" : code ?? "error"}）`, "ファイルの権限やリンク（ショートカット）の先を確認してください。", `cannot resolve file: ${code}`));
      }
      return undefined;
    }
    if (!real.startsWith(root + path.sep)) {
      diagnostics.push(fileProblem(file, "データのフォルダの外を指すリンクです（読み込みません）", "リンクではなく、ファイルそのものをデータのフォルダに置いてください。", "link points outside the data folder"));
      return undefined;
    }
    let buf: Buffer;
    let fd: number | undefined;
    try {
      fd = openSync(real, "r");
      const st = fstatSync(fd);
      if (!st.isFile()) {
        diagnostics.push(fileProblem(file, `ファイルであるべき場所がフォルダなどになっています（${requiredWhat}）`, "フォルダを別の名前に変え、ここにはファイルを置いてください。", "not a regular file"));
        return undefined;
      }
      // Read at most one byte more than allowed, whatever the size says (some files report 0).
      const chunk = Buffer.alloc(MAX_FILE_BYTES + 1);
      let length = 0;
      for (let n = 1; n > 0 && length < chunk.length; length += n) n = readSync(fd, chunk, length, chunk.length - length, null);
      if (length > MAX_FILE_BYTES) {
        diagnostics.push(fileProblem(file, `ファイルが大きすぎます（${Math.round(Math.max(st.size, length) / 1024)} KB 以上）`, "計画のデータ以外の内容が入っていないか確認してください（上限 2 MB）。", "file too large"));
        return undefined;
      }
      buf = chunk.subarray(0, length);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const what = code === "EACCES" || code === "EPERM" ? "読む権限がありません" : code === "EISDIR" ? "フォルダです" : code ?? "error";
      diagnostics.push(fileProblem(file, `ファイルを読めません（${what}）`, "ファイルの権限や、ほかのソフトで開いたままになっていないかを確認してください。", `cannot read file: ${code}`));
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    // UTF-16 (Windows "Unicode" text) has NUL bytes and would look binary: say what it is.
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
      diagnostics.push(fileProblem(file, "文字コードが UTF-16（Unicode）です", "エディタで「UTF-8」を選んで保存し直してください。", "UTF-16 text"));
      return undefined;
    }
    if (buf.includes(0)) {
      diagnostics.push(fileProblem(file, "テキストファイルではありません（バイナリデータが含まれています）", "UTF-8 のテキストとして保存し直してください。", "binary content"));
      return undefined;
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(buf);
    if (text.includes("\uFFFD")) {
      diagnostics.push(fileProblem(file, "文字コードが UTF-8 ではありません（Shift_JIS などの可能性があります）", "エディタで「UTF-8」を選んで保存し直してください。", "not valid UTF-8"));
      return undefined;
    }
    // A BOM and CRLF line ends come from Windows editors; both are harmless once removed.
    return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  };

  const loadYaml = (abs: string, kind: FileKind, what: string) => {
    const text = readText(abs, what);
    if (text === undefined) return;
    const known = cache?.get(abs);
    if (known && known.text === text && (!known.yaml || known.yaml.kind === kind)) {
      diagnostics.push(...known.diagnostics);
      if (known.yaml) yaml.push(known.yaml);
      return;
    }
    const before = diagnostics.length;
    parseYaml(abs, kind, text);
    const own = diagnostics.slice(before);
    const parsed = yaml.at(-1)?.file === displayPath(abs) ? yaml.at(-1) : undefined;
    cache?.set(abs, { text, yaml: parsed, diagnostics: own });
  };
  const parseYaml = (abs: string, kind: FileKind, text: string) => {
    const file = displayPath(abs);
    if (text.trim() === "") {
      diagnostics.push(fileProblem(file, "ファイルが空です", "内容を書くか、不要ならファイルを削除してください。", "empty file"));
      return;
    }
    // The YAML parser takes time and memory that grow fast with nesting: plan data nests a few
    // levels, so a file nested dozens deep is refused before it is parsed.
    const deep = tooDeep(text);
    if (deep) {
      diagnostics.push({ ...fileProblem(file, `入れ子が深すぎます（${deep.depth} 段以上）`, YAML_HINTS.RESOURCE_EXHAUSTION!, "nesting too deep"), line: deep.line });
      return;
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
    // Only the first syntax error: the ones after it are usually its echoes.
    const [first] = doc.errors;
    if (first) {
      const at = unclosedOpener(text, first.message, first.pos[0]) ?? first.pos[0];
      const problem = yamlProblem(file, first.code, first.message, lines.linePos(at));
      // 「title:値」 (no space after the colon) is the commonest slip; YAML calls it something else.
      const line = text.split("\n")[problem.line - 1] ?? "";
      const slip = /^(\s*(?:- )?)([^\s:#"'][^:#]*):([^\s/].*)$/.exec(line);
      if (slip) problem.hint = `コロン（:）の後に半角スペースを入れてください（この行なら「${slip[2]}: ${slip[3].slice(0, 20)}」）。`;
      diagnostics.push(problem);
      return;
    }
    // Tags (!include, !!binary …) are not plan data; YAML would read them as plain text.
    const tag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
    if (tag) {
      diagnostics.push({
        ...yamlProblem(file, tag.code, tag.message, lines.linePos(tag.pos[0])),
        message: "YAML のタグ（! で始まる語）は使えません",
        hint: "値の先頭の ! を削除するか、値全体を \"…\" で囲んでください。",
      });
      return;
    }
    const source: YamlSource = { kind, file, text, doc, lines };
    diagnostics.push(...cleanYaml(source));
    yaml.push(source);
  };

  for (const [name, kind] of SINGLE_FILES) loadYaml(path.join(dataDir, name), kind, name);
  for (const [folder, kind] of FOLDERS) {
    const dir = path.join(dataDir, folder);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort(naturalOrder);
    } catch {
      diagnostics.push(fileProblem(displayPath(dir), "フォルダがありません", `${folder}/ フォルダを作成し、データファイルを置いてください。`, "folder not found"));
      continue;
    }
    for (const name of names) loadYaml(path.join(dir, name), kind, `${folder}/${name}`);
  }
  for (const name of TEXT_NAMES) {
    const abs = path.join(dataDir, "text", `${name}.md`);
    const raw = readText(abs, `text/${name}.md`);
    if (raw === undefined) continue;
    const file = displayPath(abs);
    const { text, fixes } = cleanText(raw);
    diagnostics.push(...fixDiagnostics(file, "", fixes, (i) => lineColumn(raw, i)));
    // HTML in prose is printed as the characters typed (never run): say so where it is.
    const tag = /<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>|<!--/.exec(raw);
    if (tag) {
      diagnostics.push({
        severity: "warning", file, ...lineColumn(raw, tag.index), field: "",
        message: `HTML のタグ「${tag[0].slice(0, 30)}」は使えません（文字としてそのまま印刷されます）`,
        hint: "見出しは #、強調は **…**、表は | で書く Markdown の書き方にしてください。",
        en: "raw HTML in Markdown is printed as text",
      });
    }
    markdown.push({ name, file, text, raw });
  }
  return { dataDir, yaml, markdown, diagnostics };
}

/** "1-10" after "1-9": file order follows policy numbers, not character codes. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, "ja", { numeric: true });
}

/** Cleans every string scalar in place and reports each fix at its place in the file. */
function cleanYaml(source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(source.doc, {
    Scalar(_key, node, ancestry) {
      if (!node.range) return;
      // YAML reads 90.0 as 90; the booklet prints figures as typed, so keep the text.
      if (typeof node.value === "number") {
        const typed = source.text.slice(node.range[0], node.range[1]);
        if (/^-?\d+\.\d+$/.test(typed)) node.value = typed;
        return;
      }
      if (typeof node.value !== "string") return;
      // YAML folds a line break into a space; between Japanese characters that space is not
      // wanted (Japanese has no word spaces), so folded lines are joined without it.
      if (node.type !== "BLOCK_LITERAL" && source.text.slice(node.range[0], node.range[1]).includes("\n")) {
        node.value = joinFoldedJapanese(node.value as string);
      }
      const { text, fixes } = cleanText(node.value as string);
      if (fixes.length === 0) return;
      node.value = text;
      const raw = source.text.slice(node.range[0], node.range[1]);
      const path = nodePath(ancestry, node);
      // The raw characters stand in the source as typed: find each one's own offset there.
      let searchFrom = 0;
      out.push(
        ...fixDiagnostics(source.file, fieldPath(path), fixes, (_i, ch) => {
          const found = raw.indexOf(ch, searchFrom);
          if (found >= 0) searchFrom = found + ch.length;
          const pos = source.lines.linePos(node.range![0] + Math.max(found, 0));
          return { line: pos.line, column: pos.col };
        }),
      );
    },
  });
  return out;
}

const CJK = "\\u3000-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60";
const FOLDED_SPACE = new RegExp(`([${CJK}]) (?=[${CJK}])`, "g");

/** "…まちに なっています" (from a folded line) → "…まちになっています". */
export function joinFoldedJapanese(text: string): string {
  return text.replace(FOLDED_SPACE, "$1");
}

/** One warning per distinct replaced character of a string, at its first place. */
function fixDiagnostics(
  file: string,
  field: string,
  fixes: TextFix[],
  locate: (index: number, ch: string) => { line: number; column: number },
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const fix of fixes) {
    const where = locate(fix.index, fix.original);
    if (seen.has(fix.original)) continue;
    seen.add(fix.original);
    const shown = fix.reason === "invisible" || fix.reason === "control" || fix.reason === "nbsp" ? "" : `「${fix.original}」`;
    out.push({
      severity: "warning",
      file,
      ...where,
      field,
      message: `${shown}${codePointLabel(fix.original)} → ${fix.replacement ? `「${fix.replacement}」` : "削除"}: ${reasonJa(fix.reason)}`,
      hint: "冊子では置き換えた文字で印刷します。元のファイルも直しておくと、この警告は出なくなります。",
      en: `${fix.reason} character ${codePointLabel(fix.original)} replaced`,
    });
  }
  return out;
}

// Stage 1, load: reads data/ into parsed YAML documents (with their source positions) and
// Markdown texts, cleaning characters that must not reach the booklet (each fix is reported).
import { readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import type { FileKind } from "../validate/schema.js";
import type { Diagnostic } from "../validate/diagnostic.js";
import { fieldPath } from "../validate/diagnostic.js";
import { cleanText, codePointLabel, reasonJa, type TextFix } from "./text-hygiene.js";
import { displayPath, lineColumn, nodePath } from "./source.js";
import { YAML_HINTS, fileProblem, tooDeep, unclosedOpener, yamlProblem } from "./yaml-problems.js";
import { fileType, readDataFile } from "./read-file.js";
import { folderFiles, unread } from "./folders.js";
import { loadAssets, type Assets } from "./load-assets.js";

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
export interface LoadedData extends Assets {
  dataDir: string;
  yaml: YamlSource[];
  markdown: MarkdownSource[];
  diagnostics: Diagnostic[];
}

/** Files at the top of the data folder: kind, and whether every plan must have it. */
const SINGLE_FILES: Array<[string, FileKind, boolean]> = [
  ["edition.yaml", "edition", true],
  ["plan.yaml", "plan", true],
  ["booklet.yaml", "booklet", true],
  ["sdgs.yaml", "sdgs", false],
  ["related-plans.yaml", "relatedPlans", false],
];
/** Folders of one YAML file per record; which files must be there is declared in plan.yaml. */
const FOLDERS: Array<[string, FileKind]> = [
  ["policy-areas", "policyArea"],
  ["policies", "policy"],
  ["projects", "project"],
  ["districts", "district"],
  ["actuals", "actuals"],
];
/** Markdown texts (data/text/NAME.md), placed by booklet.yaml. */
const TEXT_FOLDER = "text";
/** Figures (YAML and CSV), maps (GeoJSON) and images (PNG, JPEG): src/load/load-assets.ts. */
const ASSET_FOLDERS = ["figures", "maps", "images"];

// A prose chapter of a plan is a few thousand characters; a 100,000-line file is a paste error
// that would print as a thousand pages.
const MAX_MARKDOWN_CHARS = 60_000;
const MAX_MARKDOWN_LINES = 2_000;

// What a file missing at the top of the data folder means, and how to add it.
const MISSING_HINT: Record<string, string> = {
  "edition.yaml": "冊子の題名・市の名称・段階・発行日を書いたファイルです。plan-press init で作る見本を参考に作成してください。",
  "plan.yaml": "計画の構成（政策・重点プロジェクト・地区の番号の一覧と用語）を書くファイルです（以前の形式のデータにはありません）。README の「データの構成」か、plan-press init で作る見本を参考に作成してください。",
  "booklet.yaml": "冊子の構成（表紙・目次・章の順と中身）を書くファイルです（以前の形式のデータにはありません）。README の「データの構成」か、plan-press init で作る見本を参考に作成してください。",
};

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
  const done = (): LoadedData => ({ dataDir, yaml, markdown, diagnostics, csv: [], maps: [], images: [] });

  const type = fileType(dataDir);
  if (type !== "フォルダ") {
    const what = type === "missing" ? "ありません" : `フォルダではなく${type === "file" ? "ファイル" : type}です`;
    diagnostics.push(fileProblem(displayPath(dataDir), `データのフォルダが${what}`, "--data に計画のデータのフォルダを指定してください（新しく作るときは plan-press init フォルダ名 --city 市の名前）。", "data folder not found"));
    return done();
  }
  const root = realpathSync(dataDir);
  const entries = new Set(readdirSync(dataDir));
  // A folder that holds none of a plan's files was named by mistake: one error, not one per file.
  if (![...SINGLE_FILES.map(([n]) => n), ...FOLDERS.map(([n]) => n)].some((n) => entries.has(n))) {
    diagnostics.push(fileProblem(displayPath(dataDir), "このフォルダは計画のデータではありません（edition.yaml、plan.yaml、booklet.yaml などがありません）", "--data に計画のデータのフォルダを指定してください。新しく作るときは plan-press init フォルダ名 --city 市の名前 で見本を作れます。", "not a plan data folder"));
    return done();
  }

  const loadYaml = (abs: string, kind: FileKind) => {
    const file = displayPath(abs);
    const text = readDataFile(abs, root, file, diagnostics);
    if (text === undefined) return;
    const known = cache?.get(abs);
    if (known && known.text === text && (!known.yaml || known.yaml.kind === kind)) {
      diagnostics.push(...known.diagnostics);
      if (known.yaml) yaml.push(known.yaml);
      return;
    }
    const own: Diagnostic[] = [];
    const parsed = parseYaml(file, kind, text, own);
    diagnostics.push(...own);
    if (parsed) yaml.push(parsed);
    cache?.set(abs, { text, yaml: parsed, diagnostics: own });
  };

  for (const [name, kind, required] of SINGLE_FILES) {
    const abs = path.join(dataDir, name);
    if (entries.has(name)) loadYaml(abs, kind);
    else if (required) diagnostics.push(fileProblem(displayPath(abs), "ファイルがありません", MISSING_HINT[name]!, `${name} missing`));
  }
  for (const [folder, kind] of FOLDERS) for (const abs of folderFiles(dataDir, entries, folder, [".yaml"], diagnostics)) loadYaml(abs, kind);
  // figures/ holds YAML (the figure) and CSV (its values, read with the other assets).
  for (const abs of folderFiles(dataDir, entries, "figures", [".yaml", ".csv"], []).filter((f) => f.endsWith(".yaml"))) loadYaml(abs, "figure");
  const assets = loadAssets(dataDir, root, entries, diagnostics);
  for (const abs of folderFiles(dataDir, entries, TEXT_FOLDER, [".md"], diagnostics)) {
    const file = displayPath(abs);
    const raw = readDataFile(abs, root, file, diagnostics);
    if (raw === undefined) continue;
    const lines = raw.split("\n").length;
    if (raw.length > MAX_MARKDOWN_CHARS || lines > MAX_MARKDOWN_LINES) {
      diagnostics.push(fileProblem(file, `文章が長すぎます（${raw.length.toLocaleString("ja-JP")} 文字、${lines.toLocaleString("ja-JP")} 行。上限は ${MAX_MARKDOWN_CHARS.toLocaleString("ja-JP")} 文字、${MAX_MARKDOWN_LINES.toLocaleString("ja-JP")} 行）`, "別の文書を貼り付けていないか確認し、章を分けるか短くしてください。", "Markdown text too long"));
      continue;
    }
    markdown.push(cleanMarkdown(path.basename(abs, ".md"), file, raw, diagnostics));
  }
  // Anything else in the data folder is read by nothing: say so, so nobody believes it printed.
  const known = new Set([...SINGLE_FILES.map(([n]) => n), ...FOLDERS.map(([n]) => n), TEXT_FOLDER, ...ASSET_FOLDERS]);
  for (const name of [...entries].filter((n) => !n.startsWith(".") && !known.has(n)).sort()) diagnostics.push(unread(path.join(dataDir, name), []));
  return { ...done(), ...assets };
}

/** A Markdown text cleaned of characters that must not print, each fix and any HTML reported. */
function cleanMarkdown(name: string, file: string, raw: string, diagnostics: Diagnostic[]): MarkdownSource {
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
  return { name, file, text, raw };
}

/** Parses one YAML text into a source, or reports why it cannot be read. */
function parseYaml(file: string, kind: FileKind, text: string, diagnostics: Diagnostic[]): YamlSource | undefined {
  if (text.trim() === "") {
    diagnostics.push(fileProblem(file, "ファイルが空です", "内容を書くか、不要ならファイルを削除してください。", "empty file"));
    return undefined;
  }
  // The YAML parser takes time and memory that grow fast with nesting: plan data nests a few
  // levels, so a file nested dozens deep is refused before it is parsed.
  const deep = tooDeep(text);
  if (deep) {
    diagnostics.push({ ...fileProblem(file, `入れ子が深すぎます（${deep.depth} 段以上）`, YAML_HINTS.RESOURCE_EXHAUSTION!, "nesting too deep"), line: deep.line });
    return undefined;
  }
  // Counted in the text before parsing: the parser itself takes seconds and a deep stack on a
  // list of a million items.
  const separators = countSeparators(text);
  if (separators > MAX_LIST_ITEMS * 10) {
    diagnostics.push(fileProblem(file, `一覧の項目が多すぎます（約 ${separators.toLocaleString("ja-JP")} 件。上限 ${MAX_LIST_ITEMS.toLocaleString("ja-JP")} 件）`, "計画のデータ以外の内容が入っていないか確認してください。", "list too long"));
    return undefined;
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
    return undefined;
  }
  // Tags (!include, !!binary …) are not plan data; YAML would read them as plain text.
  const tag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (tag) {
    diagnostics.push({
      ...yamlProblem(file, tag.code, tag.message, lines.linePos(tag.pos[0])),
      message: "YAML のタグ（! で始まる語）は使えません",
      hint: "値の先頭の ! を削除するか、値全体を \"…\" で囲んでください。",
    });
    return undefined;
  }
  // A list of a million items (a paste, an attack) would take the checks' memory and stack.
  const long = longList(doc, lines);
  if (long) {
    diagnostics.push({ ...fileProblem(file, `一覧の項目が多すぎます（${long.count.toLocaleString("ja-JP")} 件。上限 ${MAX_LIST_ITEMS.toLocaleString("ja-JP")} 件）`, "計画のデータ以外の内容が入っていないか確認してください。", "list too long"), line: long.line });
    return undefined;
  }
  const source: YamlSource = { kind, file, text, doc, lines };
  diagnostics.push(...cleanYaml(source));
  return source;
}

/** No list in plan data comes near this; the schema's own limits are far lower. */
const MAX_LIST_ITEMS = 1000;

/** Commas and block-list dashes: an upper bound on the items of all lists in a YAML text. */
function countSeparators(text: string): number {
  let n = 0;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  for (const m of text.matchAll(/^\s*- /gm)) n += m ? 1 : 0;
  return n;
}

function longList(doc: Document.Parsed, lines: LineCounter): { count: number; line: number } | undefined {
  let found: { count: number; line: number } | undefined;
  visit(doc, {
    Seq(_key, node) {
      if (node.items.length <= MAX_LIST_ITEMS) return undefined;
      found = { count: node.items.length, line: lines.linePos(node.range?.[0] ?? 0).line };
      return visit.BREAK;
    },
  });
  return found;
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

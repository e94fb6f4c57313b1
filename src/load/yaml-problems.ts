// What is wrong with a data file as a file or as YAML, in words staff can act on: where the
// problem really is (an unclosed bracket where it opened, not where the parser gave up) and
// how to fix it.
import type { Diagnostic } from "../validate/diagnostic.js";

/** A problem with the whole file (missing, empty, binary …), reported at its first line. */
export function fileProblem(file: string, message: string, hint: string, en: string): Diagnostic {
  return { severity: "error", file, line: 1, column: 1, field: "", message, hint, en };
}

/** How to fix each kind of YAML syntax error (the parser's codes). */
export const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: "同じ項目名が2回書かれています。どちらか一方を削除してください。",
  BAD_INDENT: "行頭の空白（インデント）の数を、同じ階層の項目とそろえてください。タブではなく半角スペースを使います。",
  TAB_AS_INDENT: "インデントにタブが使われています。半角スペースに置き換えてください。",
  MISSING_CHAR: "括弧や引用符（\" '）が閉じられているか確認してください。",
  BLOCK_AS_IMPLICIT_KEY: "「項目名: 値」の形になっているか、コロンの後に半角スペースがあるか確認してください。",
  MULTILINE_IMPLICIT_KEY: "「項目名: 値」の形になっているか、コロンの後に半角スペースがあるか確認してください。",
  UNEXPECTED_TOKEN: "記号の位置を確認してください。値が記号で始まる場合は \"…\" で囲みます。",
  RESOURCE_EXHAUSTION: "入れ子（[ や { の重なり）が深すぎるか、エイリアスが多すぎます。計画のデータとして書き直してください。",
};

/** Deeper than any plan data nests (a few levels): refused before parsing. */
const MAX_DEPTH = 32;

/** The first line where brackets ([ {) or indentation nest deeper than MAX_DEPTH, if any. */
export function tooDeep(text: string): { line: number; depth: number } | undefined {
  let flow = 0;
  let quote = "";
  let lineNo = 1;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      lineNo++;
      lineStart = true;
      indent = 0;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (lineStart) {
      // Indentation and compact sequences ("- - -") both nest block collections.
      if (c === " ") { indent++; continue; }
      if (c === "-" && text[i + 1] === " ") { indent += 2; i++; continue; }
      lineStart = false;
      if (indent / 2 > MAX_DEPTH * 2) return { line: lineNo, depth: Math.floor(indent / 2) };
    }
    if (quote) {
      if (c === quote && text[i - 1] !== "\\") quote = "";
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf("\n", i);
      i = (nl === -1 ? text.length : nl) - 1;
      continue;
    }
    if ((c === '"' || c === "'") && (flow > 0 || /[\s:[{,]/.test(text[i - 1] ?? " "))) quote = c;
    else if (c === "[" || c === "{") {
      if (++flow > MAX_DEPTH) return { line: lineNo, depth: flow };
    } else if ((c === "]" || c === "}") && flow > 0) flow--;
  }
  return undefined;
}

/**
 * For an unclosed bracket or quote the parser stops where it gave up, often lines later; staff
 * need the place where it was opened. Returns the offset of the opener, if one is found.
 */
export function unclosedOpener(text: string, message: string, offset: number): number | undefined {
  const bracket = /end with an? ([\]}])/.exec(message)?.[1] ?? (/^Missing closing ([\]}])/.exec(message)?.[1]);
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (!bracket && !quote) return undefined;
  const open = bracket === "]" ? "[" : bracket === "}" ? "{" : quote!;
  const close = bracket ?? quote!;
  // Line by line back from the error: the last line with more openers than closers.
  let lineEnd = Math.min(offset, text.length);
  while (lineEnd >= 0) {
    const lineStart = text.lastIndexOf("\n", lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    const unbalanced = quote ? (line.split(quote).length - 1) % 2 === 1 : line.split(open).length > line.split(close).length;
    if (unbalanced) return lineStart + line.lastIndexOf(open);
    if (lineStart === 0) break;
    lineEnd = lineStart - 1;
  }
  return undefined;
}

/** The fix for a YAML error: by what the parser says (its codes are coarse), then by its code. */
function hintFor(code: string, message: string): string {
  if (/end with an? [\]}]|Missing closing/.test(message)) return YAML_HINTS.MISSING_CHAR!;
  if (/indent|without - indicator|All sequence items must start at the same column/i.test(message)) return YAML_HINTS.BAD_INDENT!;
  return YAML_HINTS[code] ?? "この行とその前の行の書き方（インデント、コロン、引用符）を確認してください。";
}

/** A YAML syntax error as a diagnostic, with the fix for its kind. */
export function yamlProblem(file: string, code: string, message: string, pos: { line: number; col: number }): Diagnostic {
  return {
    severity: "error",
    file,
    line: pos.line,
    column: pos.col,
    field: "",
    message: `YAML の書き方に誤りがあります（${code}）`,
    hint: hintFor(code, message),
    en: message.split("\n")[0] ?? code,
  };
}

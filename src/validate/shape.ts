// Checks each file against the schema and says what is wrong in the staff's words.
import { visit } from "yaml";
import type { z } from "zod";
import type { YamlSource } from "../load/load-data.js";
import { locate, nodePath } from "../load/source.js";
import { fileKinds } from "./schema.js";
import { fieldPath, type Diagnostic } from "./diagnostic.js";
import { asTokens } from "./in-terms.js";

type Issue = z.core.$ZodIssue;

/** The parsed value of a file, or undefined with its diagnostics. */
export function checkShape(source: YamlSource): { value?: unknown; diagnostics: Diagnostic[] } {
  let input: unknown;
  try {
    // A small alias budget: plan data has no use for aliases, and bombs expand exponentially.
    input = source.doc.toJS({ maxAliasCount: 20 });
  } catch (err) {
    return {
      diagnostics: [
        {
          severity: "error", file: source.file, line: 1, column: 1, field: "",
          message: "YAML のエイリアス（& と *）が多すぎるか、読み込めない構造です",
          hint: "& と * を使わず、値をそのまま書いてください。",
          en: (err as Error).message,
        },
      ],
    };
  }
  const schema = fileKinds[source.kind].schema as z.ZodType;
  const result = schema.safeParse(input);
  if (!result.success) {
    return { diagnostics: result.error.issues.map((issue) => toDiagnostic(source, schema, issue, input)) };
  }
  return { value: result.data, diagnostics: fullWidthNumberWarnings(source, result.data) };
}

/** Full-width digits in a number field are accepted; say so, so the file gets fixed. */
function fullWidthNumberWarnings(source: YamlSource, parsed: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(source.doc, {
    Scalar(_key, node, ancestry) {
      if (typeof node.value !== "string" || !/[０-９]/.test(node.value)) return;
      const path = nodePath(ancestry, node);
      if (typeof valueAt(parsed, path) !== "number") return;
      const pos = source.lines.linePos(node.range?.[0] ?? 0);
      out.push({
        severity: "warning", file: source.file, line: pos.line, column: pos.col, field: fieldPath(path),
        message: `全角数字「${node.value}」を数値 ${valueAt(parsed, path)} として読み取りました`,
        hint: "数値は半角数字で書いてください。",
        en: "full-width digits normalised to a number",
      });
    },
  });
  return out;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[key];
  return v;
}

/** The Japanese description of the field at a path, from the schema itself. */
function describeField(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let s: z.ZodType | undefined = schema;
  let description = s.description;
  for (const key of path) {
    s = unwrap(s);
    const def = (s as unknown as { def: Record<string, unknown> }).def;
    if (def.type === "object") s = (def.shape as Record<string, z.ZodType>)[String(key)];
    else if (def.type === "array") s = def.element as z.ZodType;
    else return description;
    if (!s) return description;
    description = s.description ?? unwrap(s).description;
  }
  return description;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const def = (cur as unknown as { def: Record<string, unknown> }).def;
    if (def.type === "default" || def.type === "optional" || def.type === "nullable") cur = def.innerType as z.ZodType;
    else if (def.type === "pipe") cur = def.in as z.ZodType;
    else return cur;
  }
}

const TYPE_JA: Record<string, string> = {
  string: "文字列", number: "数値", boolean: "true か false", array: "一覧（- で始まる行）",
  object: "項目のまとまり（項目名: 値）", int: "整数",
};

function received(input: unknown): string {
  if (input === undefined) return "（書かれていません）";
  if (input === null) return "（空です）";
  if (Array.isArray(input)) return "一覧";
  if (typeof input === "object") return "項目のまとまり";
  const s = String(input);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** Fields of older data formats: what to do instead. */
const RETIRED: Record<string, string> = {
  "district.order": "地区の掲載順は、plan.yaml の districts の順になりました。order の行を削除し、plan.yaml の districts に地区の ID を掲載順に書いてください。",
};

function toDiagnostic(source: YamlSource, schema: z.ZodType, issue: Issue, root: unknown): Diagnostic {
  const path = issue.path as PropertyKey[];
  // The schema describes fields in the sample's words: the plan's own terms go in their place.
  const label = asTokens(describeField(schema, path));
  const name = label ? `「${label.replace(/（.*$/, "")}」` : "この項目";
  const input = valueAt(root, path);
  let message: string;
  let hint: string;
  let keyPos = false;
  let field = fieldPath(path);
  switch (issue.code) {
    case "invalid_type":
      if (path.length === 0) {
        message = `ファイル全体が「項目名: 値」の形になっていません（いまは${received(input)}）`;
        hint = "見本のファイル（例: data/policies/1-1.yaml）と同じ形で書いてください。";
      } else if (input === undefined) {
        message = `${name}がありません`;
        hint = `${field.split(".").pop()?.replace(/\[\d+\]$/, "")}: を追加してください${label ? `（${label}）` : ""}。`;
      } else {
        message = `${name}は${TYPE_JA[issue.expected] ?? issue.expected}で書きます。いまの値:「${received(input)}」`;
        hint = issue.expected === "number" ? "半角数字で書いてください（例: 85.0）。" : `${TYPE_JA[issue.expected] ?? issue.expected}で書いてください。`;
      }
      break;
    case "too_small":
      if (issue.origin === "array") {
        message = `${name}が${issue.minimum}件以上必要です（いまは ${Array.isArray(input) ? input.length : 0} 件）`;
        hint = `${name}を追加してください。`;
      } else if (issue.origin === "string") {
        message = `${name}が空です`;
        hint = `${name}の内容を書いてください。`;
      } else {
        message = `${name}は ${issue.minimum} 以上です。いまの値:「${received(input)}」`;
        hint = "値を確認してください。";
      }
      break;
    case "too_big":
      if (issue.origin === "string") {
        message = `${name}が長すぎます（${typeof input === "string" ? input.length : "?"} 文字。上限は ${issue.maximum} 文字）`;
        hint = "別の文書を貼り付けていないか確認し、文章を短くしてください。";
      } else {
        message = `${name}は ${issue.maximum}${issue.origin === "array" ? " 件" : ""}までです`;
        hint = "値を確認してください。";
      }
      break;
    case "invalid_value":
      message = `${name}に「${received(input)}」は使えません`;
      hint = `次のいずれかを書いてください: ${issue.values.map((v) => String(v)).join("／")}`;
      break;
    case "invalid_format":
      message = `${name}の形式が正しくありません。いまの値:「${received(input)}」`;
      hint = label ? `${label}の形式で書いてください。` : "形式を確認してください。";
      break;
    case "unrecognized_keys": {
      const key = issue.keys[0]!;
      path.push(key);
      field = fieldPath(path);
      keyPos = true;
      message = `「${issue.keys.join("」「")}」という項目はありません`;
      // 「project:1」 read as one name: the colon needs a space after it.
      hint = RETIRED[`${source.kind}.${key}`] ?? (/:\S/.test(key)
        ? `コロン（:）の後に半角スペースを入れてください（「${key.replace(":", ": ")}」）。`
        : "項目名のつづりを確認してください。VS Code では候補が表示されます（ファイル先頭の yaml-language-server の行）。");
      break;
    }
    case "invalid_union":
      message = `${name}は${label?.includes("年度") ? "年度" : "数値"}で書きます。いまの値:「${received(input)}」`;
      hint = label?.includes("年度") ? "2025、2025年度、令和7年度 のいずれかで書いてください。" : "半角数字で書いてください。";
      break;
    case "custom":
      if (issue.message === "fiscal-year") {
        message = `${name}を年度として読めません。いまの値:「${received(input)}」`;
        hint = "2025、2025年度、令和7年度 のいずれかで書いてください。";
      } else if (issue.message === "calendar-date") {
        message = `${name}が実在しない日付です。いまの値:「${received(input)}」`;
        hint = "YYYY-MM-DD の形で、実在する日付を書いてください（例: 2026-10-01）。";
      } else if (issue.message === "history-too-long") {
        message = `${name}が多すぎます（${received(input)} 年分。上限 60 年分）`;
        hint = "計画に関係する年の値だけを書いてください。";
      } else if (issue.message === "number") {
        message = `${name}は数値で書きます。いまの値:「${received(input)}」`;
        hint = "半角数字だけで書いてください（単位は unit に書きます）。";
      } else {
        message = issue.message;
        hint = "値を確認してください。";
      }
      break;
    default:
      message = `${name}が正しくありません`;
      hint = "値を確認してください。";
  }
  const where = locate(source, path, { key: keyPos });
  return { severity: "error", file: source.file, ...where, field, message, hint, en: issue.message };
}

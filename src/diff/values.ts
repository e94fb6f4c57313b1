// How the comparison sees and shows a value: text as the booklet prints it (a re-wrapped
// paragraph is no change), numbers as values, references by what they point to; and how an
// added or removed item is summed up in a few lines for the committee.
import type { YearStyle } from "../model/format.js";
import { dayLabel, fiscalYearLabel } from "../model/format.js";
import { joinsWithoutSpace } from "../render/markdown.js";
import { ITEMS, Ref } from "./plan-tree.js";
import { FIELDS, type FieldSpec } from "./field-labels.js";
import { cutTokens } from "../validate/in-terms.js";

const SUMMARY_TEXT = 60;

/** A record (not a list, not a reference). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Ref);
}

/** A list of records (items matched one by one), as opposed to a list of values (one value). */
export function isItemList(v: unknown, pattern: string): boolean {
  return Array.isArray(v) && (ITEMS[`${pattern}[]`] !== undefined || v.some(isObject));
}

/** What a value is, for equality: text as printed, numbers as values, references by target. */
export function canonical(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (v instanceof Ref) return `ref:${v.ref}`;
  if (Array.isArray(v)) return JSON.stringify(v.map(canonical));
  if (typeof v === "string") return `s:${reading(v)}`;
  return `${typeof v}:${String(v)}`;
}

/** A value as the committee reads it. */
export function show(v: unknown, field: FieldSpec | undefined, style: YearStyle): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.map((x) => show(x, undefined, style)).join(field?.show === "lines" ? "\n" : "、");
  if (v instanceof Ref) return v.name;
  if (field?.show === "year" && typeof v === "number") return fiscalYearLabel(v, style);
  if (field?.show === "date" && typeof v === "string") return dayLabel(v, style);
  if (field?.show === "cumulative") return v ? "累計" : "単年度";
  if (field?.show === "yearStyle" && typeof v === "string") return `${fiscalYearLabel(2025, v as YearStyle)} の形`;
  if (typeof v === "boolean") return v ? "はい" : "いいえ";
  return typeof v === "string" ? reading(v) : String(v);
}

/** An added or removed item in a few lines: its fields (long texts shortened) and how many items its lists hold. */
export function summary(item: unknown, pattern: string, style: YearStyle): string {
  if (!isObject(item)) return shorten(show(item, FIELDS[pattern], style));
  const lines: string[] = [];
  const walk = (o: Record<string, unknown>, at: string) => {
    for (const [name, v] of Object.entries(o)) {
      const p = `${at}.${name}`;
      const field = FIELDS[p];
      if (field?.identity || field?.ignore) continue;
      if (isItemList(v, p)) lines.push(`${ITEMS[`${p}[]`]?.noun ?? field?.label ?? name}：${listing(v as unknown[], `${p}[]`)}`);
      else if (isObject(v)) walk(v, p);
      else if (canonical(v) !== "" && !(Array.isArray(v) && v.length === 0)) {
        const unit = typeof v === "number" && field?.show !== "year" && typeof item.unit === "string" ? item.unit : "";
        lines.push(`${field?.label ?? name}：${shorten(show(v, field, style))}${unit}`);
      }
    }
  };
  walk(item, pattern);
  return lines.join("\n");
}

/** The items of a list by number and name: 「7-1「…」、7-2「…」」 (a removed 政策's 重点施策). */
function listing(items: unknown[], pattern: string): string {
  const spec = ITEMS[pattern];
  if (!spec) return `${items.length}件`;
  return items
    .map((item, i) => {
      const text = spec.label?.(item, i + 1) ?? spec.number(item, i + 1);
      const name = spec.name?.(item);
      return name && !text.includes(name) ? `${text}「${name}」` : text;
    })
    .join("、");
}

function shorten(text: string): string {
  const one = text.replace(/\n/g, " ");
  return one.length > SUMMARY_TEXT ? `${cutTokens(one, SUMMARY_TEXT)}…` : one;
}

/** Text as the booklet prints it: a paragraph's lines joined (no space between Japanese), one
 * line per paragraph; so a re-wrapped paragraph is no change, and the table reads as the page. */
export function reading(value: string): string {
  return value
    .trim()
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .reduce((text, line) => (text === "" ? line : text + (joinsWithoutSpace(text.slice(-1), line.charAt(0)) ? "" : " ") + line), ""),
    )
    .join("\n");
}

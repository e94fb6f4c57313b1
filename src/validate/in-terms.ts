// The committee's documents and the data's error messages speak the plan's own words. The
// comparison and the validation write each term as a token (T.policy, T.directionShort …)
// wherever it names a kind of item or field, and every row or message is put into the plan's
// terms (基本施策, 取組 …) once, at the end. Only the tokens are replaced: a name or text from
// the data is never rewritten (a 事業 named 「政策推進事業」 keeps its name in a plan that says
// 基本目標 for 政策).
import { TERM_DEFAULTS, type TermName, type Terms } from "./terms.js";

const OPEN = "\uE000";
const CLOSE = "\uE001";

/** Each term as a token for a label: resolved by inTerms. */
export const T = Object.fromEntries((Object.keys(TERM_DEFAULTS) as TermName[]).map((k) => [k, `${OPEN}${k}${CLOSE}`])) as Record<TermName, string>;

const TOKEN = new RegExp(`${OPEN}([A-Za-z]+)${CLOSE}`, "g");

/** A text with every term token written as the plan calls it. */
export function inTerms(terms: Terms): (text: string) => string {
  return (text) => text.replace(TOKEN, (token, name: string) => (Object.hasOwn(terms, name) ? terms[name as TermName] : token));
}

const LONGEST_FIRST = (Object.entries(TERM_DEFAULTS) as Array<[TermName, string]>).sort((a, b) => b[1].length - a[1].length);

/**
 * A text written in the default terms (the sample's words, as the schema's descriptions are) with
 * each term as a token, longest first (施策の展開方針 before 方針).
 */
export function asTokens(text: string | undefined): string | undefined {
  if (!text) return text;
  let out = text;
  for (const [name, word] of LONGEST_FIRST) out = out.split(word).join(T[name]);
  return out;
}

/** `text` cut to `length` characters without leaving half a token. */
export function cutTokens(text: string, length: number): string {
  return text.slice(0, length).replace(new RegExp(`${OPEN}[A-Za-z]*$`), "");
}

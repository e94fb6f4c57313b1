// The committee's documents speak the plan's own words: the comparison's labels are written in
// the default terms (重点施策, 方針 …) and put into the plan's terms (基本施策, 取組 …) here.
import { TERM_DEFAULTS, type Terms } from "../validate/schema.js";

/** A labeller that writes each default term as the plan calls it (longest terms first, so 施策の展開方針 before 方針). */
export function inTerms(terms: Terms): (label: string) => string {
  const swaps = (Object.keys(TERM_DEFAULTS) as Array<keyof Terms>)
    .filter((k) => terms[k] !== TERM_DEFAULTS[k])
    .map((k) => [TERM_DEFAULTS[k], terms[k]] as const)
    .sort((a, b) => b[0].length - a[0].length);
  if (swaps.length === 0) return (label) => label;
  const pattern = new RegExp(swaps.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const to = new Map<string, string>(swaps);
  return (label) => label.replace(pattern, (word) => to.get(word) ?? word);
}

// Character-level differences: Japanese has no word spaces, so characters are the unit. A raw
// character diff of Japanese matches stray common characters (の, を, 、) inside rewritten
// phrases and underlines a comb of fragments; short unchanged islands between changes are
// folded into the change, so a rewritten phrase is underlined as one run on both sides.
import { diffChars } from "diff";

/** A run of text, marked when it differs from the other side. */
export interface Segment {
  text: string;
  changed: boolean;
}

/** Unchanged runs this short, with changes on both sides of them, count as changed. */
const ISLAND = 2;

/** The old and new text split into runs, changed runs marked on both sides. */
export function markChanges(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const parts = diffChars(before, after);
  const out = { before: [] as Segment[], after: [] as Segment[] };
  parts.forEach((part, i) => {
    if (part.added) push(out.after, part.value, true);
    else if (part.removed) push(out.before, part.value, true);
    else {
      const island = part.value.length <= ISLAND && i > 0 && i < parts.length - 1 && !/\n/.test(part.value);
      push(out.before, part.value, island);
      push(out.after, part.value, island);
    }
  });
  return out;
}

/** Appends a run, joining it to the previous one when both are marked alike. */
function push(list: Segment[], text: string, changed: boolean): void {
  const last = list.at(-1);
  if (last && last.changed === changed) last.text += text;
  else list.push({ text, changed });
}

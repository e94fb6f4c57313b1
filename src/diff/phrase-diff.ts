// Differences by word and phrase. Japanese has no word spaces: the text is cut into words with
// Intl.Segmenter (ICU's dictionary) and the words are diffed, so a changed word is marked whole
// (「確保」→「拡大」), never a character of it. A raw diff of Japanese also matches stray common
// words (の, を, 、) inside a rewritten phrase and marks a comb of fragments; such short unchanged
// islands between two changes are folded into the change, so a rewritten phrase is one mark.
import { diffArrays } from "diff";

/** A run of text, marked when it differs from the other side. */
export interface Segment {
  text: string;
  changed: boolean;
}

/** Unchanged runs this short (in characters), between two changes, count as changed. */
const ISLAND = 2;

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** The words of a text, spaces and line breaks kept as words of their own. */
export function words(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** The old and new text split into runs: changed words on each side marked, islands folded. */
export function diffPhrases(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const parts = diffArrays(words(before), words(after));
  const out = { before: [] as Segment[], after: [] as Segment[] };
  parts.forEach((part, i) => {
    const text = part.value.join("");
    if (part.added) push(out.after, text, true);
    else if (part.removed) push(out.before, text, true);
    else {
      const between = i > 0 && i < parts.length - 1;
      const island = between && text.length <= ISLAND && !/\s/.test(text);
      push(out.before, text, island);
      push(out.after, text, island);
    }
  });
  return out;
}

/** Appends a run, joining it to the previous one when both are marked alike. */
function push(list: Segment[], text: string, changed: boolean): void {
  if (text === "") return;
  const last = list.at(-1);
  if (last && last.changed === changed) last.text += text;
  else list.push({ text, changed });
}

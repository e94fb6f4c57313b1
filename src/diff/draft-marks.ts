// How the draft marks each change on its page: the changed words of a text (found again in the
// printed element by the words and a few unchanged characters either side), a small element
// whole (a figure, a year, a new 事業), or a bar beside an element (a moved item, or what held a
// removed one). One mark per element; the strongest wins.
import type { WordMark } from "../model/types.js";
import type { ChangeRow } from "./compare.js";
import { diffPhrases } from "./phrase-diff.js";

/** Unchanged characters kept either side of a phrase, to find it again on the page. */
const CONTEXT = 8;
const STRENGTH = { bar: 0, words: 1, whole: 2 } as const;

/** The marks of a draft compared with an older version. */
export function draftMarks(rows: ChangeRow[]): WordMark[] {
  const marks = new Map<string, WordMark>();
  const add = (id: string, mode: WordMark["mode"], phrases: WordMark["phrases"] = []) => {
    const mark = marks.get(id) ?? { id, mode, phrases: [] };
    if (STRENGTH[mode] > STRENGTH[mark.mode]) mark.mode = mode;
    mark.phrases.push(...phrases);
    marks.set(id, mark);
  };
  for (const row of rows) {
    if (row.kind === "removed") {
      if (row.markAt) add(row.markAt, "bar");
    } else if (row.key && row.markable) {
      if (row.mark !== "words") add(row.key, row.mark);
      else {
        const phrases = changedPhrases(row.before, row.after);
        // Words only taken out leave nothing to mark on the new page: a bar says where.
        add(row.key, phrases.length > 0 ? "words" : "bar", phrases);
      }
    }
  }
  return [...marks.values()];
}

/** The new text's changed phrases, each with its unchanged neighbours (within its paragraph). */
export function changedPhrases(before: string, after: string): WordMark["phrases"] {
  const segments = diffPhrases(before, after).after;
  const out: WordMark["phrases"] = [];
  segments.forEach((s, k) => {
    if (!s.changed) return;
    const lead = segments[k - 1]?.text ?? "";
    const tail = segments[k + 1]?.text ?? "";
    const lines = s.text.split("\n");
    lines.forEach((line, i) => {
      // Separators at a phrase's ends are not marked (a list's 「、」 is not on the page): they join its context.
      const [, open, text, close] = /^([\s、，,]*)(.*?)([\s、，,]*)$/s.exec(line)!;
      if (text === "") return;
      out.push({
        text: text!,
        before: ((i === 0 ? lead.split("\n").at(-1)! : "") + open).slice(-CONTEXT),
        after: (close + (i === lines.length - 1 ? tail.split("\n")[0]! : "")).slice(0, CONTEXT),
      });
    });
  });
  return out;
}

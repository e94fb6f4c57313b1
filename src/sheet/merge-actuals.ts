// Several departments answer the same workbook, each filling in only their own rows, and staff
// may correct the actuals file by hand in between. An import therefore takes from a workbook
// only what was changed in it since it was exported (the exported values travel in a hidden
// sheet), keeps everything else in the actuals file as it is — comments and order included —
// and refuses a cell changed both in the workbook and in the file since the export. Pure.
import { isMap, parseDocument, type Document } from "yaml";

export interface Entry {
  value: number;
  note?: string;
}

/** One cell's three versions: when exported (undefined: blank; `base` absent: not known), now in the workbook, now in the file. */
export interface CellVersions<T> {
  base?: { value: T | undefined };
  sheet: T | undefined;
  file: T | undefined;
}

export type Merged<T> = { kind: "same" } | { kind: "set"; value: T | undefined } | { kind: "conflict" };

/**
 * What the import does with one cell. Without the exported value (a program dropped the hidden
 * sheet) a blank never deletes and a value in the workbook wins.
 */
export function mergeCell<T>(cell: CellVersions<T>, equal: (a: T | undefined, b: T | undefined) => boolean): Merged<T> {
  if (equal(cell.sheet, cell.file)) return { kind: "same" };
  if (!cell.base) return cell.sheet === undefined ? { kind: "same" } : { kind: "set", value: cell.sheet };
  if (equal(cell.sheet, cell.base.value)) return { kind: "same" }; // not touched in this workbook
  if (equal(cell.file, cell.base.value)) return { kind: "set", value: cell.sheet };
  return { kind: "conflict" };
}

export const sameEntry = (a: Entry | undefined, b: Entry | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.value === b.value && (a.note ?? "") === (b.note ?? "");
export const sameText = (a: string | undefined, b: string | undefined): boolean => (a ?? "") === (b ?? "");

/** The changes to write: per key a value (undefined: remove), per 重点施策 and field a text. */
export interface ActualsChanges {
  values: Array<{ key: string; entry: Entry | undefined }>;
  comments: Array<{ policy: string; field: string; text: string | undefined }>;
}

/**
 * The actuals file's text with `changes` applied: the existing file edited in place (its comments,
 * order and every other entry kept), or a new file with `header` when there is none.
 */
export function applyChanges(current: string | undefined, header: string, year: number, changes: ActualsChanges): string {
  const doc: Document = current === undefined ? parseDocument(`${header}\nyear: ${year}\nvalues: {}\n`) : parseDocument(current);
  for (const { key, entry } of changes.values) {
    if (entry === undefined) doc.deleteIn(["values", key]);
    else doc.setIn(["values", key], entry.note ? { value: entry.value, note: entry.note } : entry.value);
  }
  for (const { policy, field, text } of changes.comments) {
    if (text === undefined) {
      doc.deleteIn(["comments", policy, field]);
      const left = doc.getIn(["comments", policy]);
      if (isMap(left) && left.items.length === 0) doc.deleteIn(["comments", policy]);
    } else {
      doc.setIn(["comments", policy, field], text);
    }
  }
  const comments = doc.get("comments");
  if (isMap(comments) && comments.items.length === 0) doc.delete("comments");
  // A map emptied by the import is written as {} (the schema wants values there), and new maps in block style.
  const values = doc.get("values");
  if (isMap(values)) values.flow = values.items.length === 0;
  return doc.toString({ lineWidth: 0 });
}

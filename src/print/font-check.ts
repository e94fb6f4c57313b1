// After printing: the PDF must contain only the booklet's own fonts.
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { FontError } from "../errors.js";

/**
 * Every font in the printed PDF must be one of the booklet's: a font file that failed to load
 * (or was blocked) makes Chromium fall back to a system font silently, with other metrics and
 * page breaks, or even as Type 3.
 */
export function checkFonts(doc: PDFDocument, families: string[]): void {
  const wanted = families.map((f) => f.replace(/\s+/g, ""));
  const strange = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const base = object.lookupMaybe(PDFName.of("BaseFont"), PDFName);
    const subtype = object.get(PDFName.of("Subtype"));
    if (subtype === PDFName.of("Type3")) strange.add("Type 3");
    const name = base?.decodeText().replace(/^[A-Z]{6}\+/, "");
    if (name && !wanted.some((w) => name.startsWith(w))) strange.add(name);
  }
  if (strange.size > 0) {
    throw new FontError(
      `冊子のフォント（${families.join("、")}）以外のフォントで印刷されました: ${[...strange].join("、")}。` +
        `フォントのファイルが読み込めなかった可能性があります。README の Quick start の1行目（セットアップ）をやり直してください。`,
    );
  }
}

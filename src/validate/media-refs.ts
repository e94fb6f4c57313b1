// Figures and images placed in texts: a line 「[[図 id]]」 or 「[[表 id]]」 places a figure, and
// Markdown's ![代替テキスト](images/名前.png "説明") a photo. Each must name something that
// exists, an image must say in words what it shows, and a figure should be placed somewhere.
import { visit } from "yaml";
import type { MarkdownSource, YamlSource } from "../load/load-data.js";
import type { ImageAsset } from "../load/load-assets.js";
import { lineColumn } from "../load/source.js";
import type { Diagnostic } from "./diagnostic.js";
import type { ResolvedFigure } from "./figures.js";
import type { ImageRef } from "./schema.js";

/** 「[[図 population]]」 alone on its line. */
export const FIGURE_DIRECTIVE = /^[ \t]*\[\[(図|表)[ \t\u3000]*([a-z0-9][a-z0-9-]*)\]\][ \t]*$/gm;
/** ![alt](images/name.png "title"), as Markdown writes an image. */
const IMAGE = /!\[([^\]]*)\]\(\s*([^)\s]*)(?:\s+"([^"]*)")?\s*\)/g;
/** Where images may come from: a file of data/images/. */
export const IMAGE_PATH = /^images\/([A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpe?g))$/i;

/** The texts that can hold figures and images: Markdown files, and Markdown fields of the YAML. */
interface Place {
  file: string;
  /** The text as written, and where it starts in its file. */
  raw: string;
  offset: number;
  position: (index: number) => { line: number; column: number };
}

/** Every misplaced figure or image; figures placed nowhere are warned. */
export function checkMediaRefs(
  markdown: MarkdownSource[],
  yaml: YamlSource[],
  figures: Record<string, ResolvedFigure>,
  figureFiles: Record<string, string>,
  images: ImageAsset[],
  coverImages: Array<{ ref: ImageRef; source: YamlSource; at: PropertyKey[]; locate: () => { line: number; column: number } }>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const used = new Map<string, number>();
  const known = new Set(images.map((i) => i.name));
  const places: Place[] = [
    ...markdown.map((m) => ({ file: m.file, raw: m.raw, offset: 0, position: (i: number) => lineColumn(m.raw, i) })),
    ...yaml.filter((s) => ["policy", "project", "district"].includes(s.kind)).flatMap(markdownFields),
  ];
  for (const place of places) {
    const error = (index: number, message: string, hint: string, en: string) =>
      out.push({ severity: "error", file: place.file, ...place.position(index), field: "", message, hint, en });
    for (const m of place.raw.matchAll(FIGURE_DIRECTIVE)) {
      const [, kind, id] = m as unknown as [string, "図" | "表", string];
      const figure = figures[id];
      used.set(id, (used.get(id) ?? 0) + 1);
      if (!figure) {
        if (!figureFiles[id]) error(m.index!, `図表「${id}」がありません（figures/${id}.yaml）`, "figures/ に図表のファイルを作成するか、名前のつづりを確認してください。", `unknown figure ${id}`);
      } else if ((figure.type === "table") !== (kind === "表")) {
        error(m.index!, `「${id}」は${figure.type === "table" ? "表" : "図"}です`, `[[${figure.type === "table" ? "表" : "図"} ${id}]] と書いてください（番号が「${figure.type === "table" ? "表" : "図"}1」の形になります）。`, "figure kind mismatch");
      }
    }
    for (const m of place.raw.matchAll(IMAGE)) {
      const [, alt, src] = m as unknown as [string, string, string];
      const name = IMAGE_PATH.exec(src)?.[1];
      if (!name) error(m.index!, `画像「${src}」は読み込めません（data/images/ の画像だけを使えます）`, "画像を data/images/ に置き、images/ファイル名 と書いてください（ウェブ上の画像やほかのフォルダの画像は使えません）。", "image outside data/images");
      else if (!known.has(name)) error(m.index!, `画像 images/${name} がありません`, "data/images/ にファイルを置くか、ファイル名を確認してください。", `unknown image ${name}`);
      if (alt.trim() === "") error(m.index!, "画像の代替テキスト（![ ] の中）がありません", "![写真の内容を表す言葉](images/…) のように、何が写っているかを書いてください（読み上げと検索に使われます）。", "image without alt text");
    }
  }
  for (const { ref, source, locate } of coverImages) {
    if (!known.has(ref.image)) out.push({ severity: "error", file: source.file, ...locate(), field: "", message: `画像 images/${ref.image} がありません`, hint: "data/images/ にファイルを置くか、ファイル名を確認してください。", en: `unknown image ${ref.image}` });
  }
  for (const [id, count] of used) {
    if (count > 1) out.push({ severity: "error", file: figureFiles[id] ?? "", line: 1, column: 1, field: "", message: `図表「${id}」が ${count} か所に置かれています`, hint: "1つの図表は1か所にだけ置いてください（同じ値を2か所に載せるなら、図表のファイルを分けます）。", en: `figure ${id} placed twice` });
  }
  for (const id of Object.keys(figureFiles).filter((id) => !used.has(id))) {
    out.push({ severity: "warning", file: figureFiles[id]!, line: 1, column: 1, field: "", message: "この図表はどの文章にも置かれていません（冊子に載りません）", hint: `載せたい文章の中に、1行で [[${figures[id]?.type === "table" ? "表" : "図"} ${id}]] と書いてください。`, en: "figure placed nowhere" });
  }
  return out;
}

/** The string fields of a YAML file that hold directives or images, each with its place in the file. */
function markdownFields(source: YamlSource): Place[] {
  const out: Place[] = [];
  visit(source.doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !node.range || !/\[\[|!\[/.test(node.value)) return;
      const raw = source.text.slice(node.range[0], node.range[1]);
      const start = node.range[0];
      out.push({
        file: source.file, raw, offset: start,
        position: (i) => {
          const pos = source.lines.linePos(start + i);
          return { line: pos.line, column: pos.col };
        },
      });
    },
  });
  return out;
}

// Prose from data/text and the 現状と課題 fields: Markdown without raw HTML, links limited to
// web, mail and in-document anchors (the text comes from many hands). A line 「[[図 id]]」 places
// a figure and ![代替テキスト](images/名前.png) a photo of data/images/, drawn by the renderer
// (validation has checked both).
import MarkdownIt from "markdown-it";
import { IMAGE_PATH } from "../validate/media-refs.js";

/** How the renderer draws what a text places: a figure by id, an image by file name. */
export interface MarkdownContext {
  figure?: (kind: "図" | "表", id: string) => string | undefined;
  image?: (name: string, alt: string, title: string) => string | undefined;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
const SAFE_LINK = /^(https?:|mailto:|#)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim()) || IMAGE_PATH.test(url.trim());

// A line break inside a Japanese paragraph must not become a space (no word spaces in Japanese).
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]/;
md.renderer.rules.softbreak = (tokens, idx) =>
  joinsWithoutSpace(tokens[idx - 1]?.content.slice(-1) ?? "", tokens[idx + 1]?.content.charAt(0) ?? "") ? "" : "\n";

const DIRECTIVE = /^\[\[(図|表)[ \t\u3000]*([a-z0-9][a-z0-9-]*)\]\]$/;

// A paragraph that is only 「[[図 id]]」 becomes the figure itself (a block, not a <p>).
md.core.ruler.push("plan_figures", (state) => {
  const ctx = state.env as MarkdownContext;
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const m = tokens[i]!.type === "paragraph_open" && tokens[i + 2]!.type === "paragraph_close" ? DIRECTIVE.exec(tokens[i + 1]!.content.trim()) : null;
    if (!m) continue;
    const html = ctx.figure?.(m[1] as "図" | "表", m[2]!);
    if (html === undefined) continue;
    const block = new state.Token("html_block", "", 0);
    block.content = html;
    tokens.splice(i, 3, block);
  }
  // A link to a data file is not a link in a printed booklet: its text stays, the link goes.
  for (const inline of tokens.filter((t) => t.type === "inline" && t.children)) {
    const kids = inline.children!;
    for (let k = kids.length - 1; k >= 0; k--) {
      if (kids[k]!.type !== "link_open" || !IMAGE_PATH.test(String(kids[k]!.attrGet("href") ?? ""))) continue;
      const close = kids.findIndex((t, j) => j > k && t.type === "link_close");
      if (close > 0) kids.splice(close, 1);
      kids.splice(k, 1);
    }
  }
});

md.renderer.rules.image = (tokens, idx, _options, env) => {
  const token = tokens[idx]!;
  const name = IMAGE_PATH.exec(String(token.attrGet("src") ?? ""))?.[1];
  const alt = token.children?.map((c) => c.content).join("") ?? token.content;
  const drawn = name ? (env as MarkdownContext | undefined)?.image?.(name, alt, String(token.attrGet("title") ?? "")) : undefined;
  return drawn ?? md.utils.escapeHtml(alt);
};

/** True when a line break between these two characters is no space at all (both Japanese). */
export function joinsWithoutSpace(before: string, after: string): boolean {
  return JAPANESE.test(before) && JAPANESE.test(after);
}

/** Markdown → HTML with raw HTML escaped and unsafe links left as text; figures and images drawn by `context`. */
export function renderMarkdown(text: string, context: MarkdownContext = {}): string {
  return md.render(text, { ...context });
}

// Prose from data/text and the 現状と課題 fields: Markdown without raw HTML, links limited to
// web, mail and in-document anchors (the text comes from many hands).
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
const SAFE_LINK = /^(https?:|mailto:|#)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
// Images would load files or hosts from data: plan prose has none, and maps are drawn by us.
md.disable(["image"]);

// A line break inside a Japanese paragraph must not become a space (no word spaces in Japanese).
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]/;
md.renderer.rules.softbreak = (tokens, idx) =>
  joinsWithoutSpace(tokens[idx - 1]?.content.slice(-1) ?? "", tokens[idx + 1]?.content.charAt(0) ?? "") ? "" : "\n";

/** True when a line break between these two characters is no space at all (both Japanese). */
export function joinsWithoutSpace(before: string, after: string): boolean {
  return JAPANESE.test(before) && JAPANESE.test(after);
}

/** Markdown → HTML with raw HTML escaped and unsafe links left as text. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

// Prose from data/text and the 現状と課題 fields: Markdown without raw HTML, links limited to
// web, mail and in-document anchors (the text comes from many hands).
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
const SAFE_LINK = /^(https?:|mailto:|#)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
// Images would load files or hosts from data: plan prose has none, and maps are drawn by us.
md.disable(["image"]);

/** Markdown → HTML with raw HTML escaped and unsafe links left as text. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

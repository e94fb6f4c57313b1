// model → render for the booklet, shared by build, preview and the older version's print
// (diff/old-pages.ts): the same model options and the same list of files the page may load.
import path from "node:path";
import type { PlanData } from "../validate/validate.js";
import { buildModel, type ModelOptions } from "../model/build-model.js";
import type { Booklet } from "../model/types.js";
import { renderHtml } from "../render/render-html.js";
import type { FontFace } from "../fonts.js";
import { officialIcon } from "../sdg-icons.js";
import { PROJECT_ROOT } from "../paths.js";
import type { EditionName } from "../editions.js";

export interface RenderBookletOptions {
  edition: EditionName;
  /** The folder the HTML will be loaded from (relative URLs resolve from there). */
  htmlDir: string;
  fonts: FontFace[];
  /** Draft: what changed, marked and listed. */
  changes?: ModelOptions["changes"];
  /** Web edition: smaller copies of the data's images (image name → file). */
  imageFiles?: Record<string, string>;
}

export interface RenderedBooklet {
  booklet: Booklet;
  html: string;
  /** What the page may load while printing: its fonts, the project's assets and the data's images. */
  allowedFiles: string[];
}

export function renderBooklet(data: PlanData, options: RenderBookletOptions): RenderedBooklet {
  const booklet = buildModel(data, { sdgIcon: officialIcon, ...(options.changes ? { changes: options.changes } : {}) });
  const html = renderHtml(booklet, { htmlDir: options.htmlDir, fonts: options.fonts, edition: options.edition, ...(options.imageFiles ? { imageFiles: options.imageFiles } : {}) });
  const allowedFiles = [
    ...options.fonts.map((f) => f.file), path.join(PROJECT_ROOT, "assets"),
    ...Object.values(booklet.images), ...Object.values(options.imageFiles ?? {}),
  ];
  return { booklet, html, allowedFiles };
}

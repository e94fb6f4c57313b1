// The fence around the page being printed: it may load itself and the files it is made of
// (fonts, icons) and nothing else; what it tried is reported. A remote browser cannot read our
// files, so for it they are served under a virtual origin.
import { readFile } from "node:fs/promises";
import { realpathSync } from "node:fs";
import path from "node:path";
import type { Page, HTTPRequest } from "puppeteer";
import { PROJECT_ROOT } from "../paths.js";

/** The origin a remote browser loads the booklet from (answered by us, never by the network). */
export const SERVED_ORIGIN = "https://plan-press.invalid";

/** What the fence needs to know: the page's own file and HTML, and what else it may load. */
export interface FenceOptions {
  htmlFile: string;
  html: string;
  /** Files and folders the page may load besides itself; the whole project if not given. */
  allowedFiles?: string[];
}

/** Nothing outside the project's own files loads while rendering; what was tried is reported. */
export async function guardRequests(page: Page, remote: boolean, options: FenceOptions, blocked: string[]): Promise<void> {
  // Only the page itself and the files it is made of (fonts, icons); links are resolved first,
  // so a link inside the project cannot point elsewhere.
  const allowed = (options.allowedFiles ?? [PROJECT_ROOT]).map((p) => path.resolve(p));
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  const inside = (file: string) => {
    const target = real(file);
    return target === real(options.htmlFile) || allowed.some((a) => target === a || target.startsWith(a + path.sep));
  };
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith("data:")) return void request.continue();
    if (!remote && url.startsWith("file:")) {
      const file = decodeURIComponent(new URL(url).pathname);
      if (inside(file)) return void request.continue();
    }
    if (remote && url.startsWith(SERVED_ORIGIN + "/")) {
      const file = decodeURIComponent(new URL(url).pathname);
      // Chromium asks a served page for its icon; there is none, and that is not a leak.
      if (file === "/favicon.ico") return void request.respond({ status: 404, body: "" });
      if (path.resolve(file) === path.resolve(options.htmlFile)) {
        return void request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: options.html });
      }
      if (inside(file)) {
        readFile(file).then(
          (body) => request.respond({ status: 200, body, contentType: contentType(file) }),
          () => request.respond({ status: 404, body: "" }),
        );
        return;
      }
    }
    blocked.push(url.length > 120 ? url.slice(0, 120) + "…" : url);
    void request.abort("blockedbyclient");
  });
}

function contentType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return { ".ttf": "font/ttf", ".png": "image/png", ".svg": "image/svg+xml", ".css": "text/css", ".jpg": "image/jpeg" }[ext] ?? "application/octet-stream";
}

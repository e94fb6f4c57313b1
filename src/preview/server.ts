// `plan-press preview`: the booklet as HTML on a local server (loopback only), re-rendered on
// every save to data, templates or styles. Only the fast stages run (load → validate → model →
// render, well under a second); the open page is told over server-sent events and swaps in
// the new booklet. Bad data shows as an overlay with file:line while the last good booklet
// stays; the overlay goes when the file is fixed.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { LoadCache } from "../load/load-data.js";
import { checkData } from "../check.js";
import { renderBooklet } from "../pipeline/render-booklet.js";
import { glyphCoverage } from "../validate/glyphs.js";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../validate/diagnostic.js";
import { relativeUrl } from "../render/render-html.js";
import type { EditionName } from "../editions.js";
import { fontFaces } from "../fonts.js";
import { PROJECT_ROOT } from "../paths.js";
import { watchSources } from "../watch/watch-sources.js";
import { previewClient } from "./client.js";
import { flowSheets } from "../print/flow-sheets.js";

export interface PreviewOptions {
  dataDir: string;
  edition: EditionName;
  /** 0 picks a free port. */
  port: number;
  /** Page numbers of the last printed booklet (anchor → label), shown beside the pages. */
  pageLabels?: () => Record<string, string>;
  /** Each re-render, for the terminal. */
  onRender?: (event: { ok: boolean; ms: number; problems: number; files: string[] }) => void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** What the page asks for after each change. */
interface PreviewState {
  /** Increases with every render that produced a booklet. */
  version: number;
  /** Errors that stop the booklet (shown as an overlay); empty when the data is good. */
  errors: string[];
  warnings: number;
  renderedAt: string;
  labels: Record<string, string>;
}

const HOST = "127.0.0.1";
const PREVIEW_CSS = path.join(PROJECT_ROOT, "styles", "preview", "preview.css");

/** Starts the server, renders once, and watches the sources until close(). */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const fonts = fontFaces();
  const glyphs = glyphCoverage(fonts);
  // Only the files the booklet links to are served: its fonts and the project's assets.
  const servedFiles = new Set(fonts.map((f) => path.resolve(f.file)));
  const dataImages = new Map<string, string>();
  const assetsDir = path.join(PROJECT_ROOT, "assets") + path.sep;
  let html = "";
  const state: PreviewState = { version: 0, errors: [], warnings: 0, renderedAt: "", labels: {} };
  const listeners = new Set<ServerResponse>();
  // Unchanged files are not parsed again (a save touches one file).
  const cache: LoadCache = new Map();

  const render = (files: string[]) => {
    const started = performance.now();
    try {
      const validation = checkData(options.dataDir, { edition: options.edition, cache, glyphs });
      const problems = sortDiagnostics(validation.diagnostics);
      state.warnings = problems.filter((d) => d.severity === "warning").length;
      state.errors = problems.filter((d) => d.severity === "error").map(describe);
      if (validation.data) {
        const { booklet, html: rendered } = renderBooklet(validation.data, { edition: options.edition, htmlDir: PROJECT_ROOT, fonts });
        // The data's images, by the path the page will ask for (the data folder may be anywhere).
        dataImages.clear();
        for (const file of Object.values(booklet.images)) dataImages.set(new URL(relativeUrl(PROJECT_ROOT, file), "http://preview/").pathname, file);
        html = withPreviewTools(rendered);
        state.version++;
      }
    } catch (err) {
      // A template or stylesheet being edited can be broken for a moment: say so, keep the last page.
      state.errors = [`テンプレートまたはスタイルの誤りで冊子をつくれません: ${(err as Error).message}`];
    }
    state.renderedAt = new Date().toLocaleTimeString("ja-JP");
    state.labels = options.pageLabels?.() ?? {};
    for (const res of listeners) res.write(`event: update\ndata: ${state.version}\n\n`);
    options.onRender?.({ ok: state.errors.length === 0, ms: performance.now() - started, problems: state.errors.length, files });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine's own browser, by name or address (no DNS rebinding from a web page).
    const port = (server.address() as AddressInfo).port;
    if (![`${HOST}:${port}`, `localhost:${port}`].includes(req.headers.host ?? "")) return void res.writeHead(403).end();
    const url = new URL(req.url ?? "/", `http://${HOST}`);
    const send = (type: string, body: string | Buffer, cache = "no-store") =>
      void res.writeHead(200, { "content-type": type, "cache-control": cache }).end(body);
    switch (url.pathname) {
      case "/":
        return send("text/html; charset=utf-8", html || waitingPage());
      case "/__preview/state":
        return send("application/json", JSON.stringify(state));
      case "/__preview/client.js":
        // (__name: some TypeScript runners wrap functions in it, and only the source travels.)
        return send("text/javascript; charset=utf-8", `var __name = (f) => f;\n(${previewClient.toString()})(${flowSheets.toString()});`);
      case "/__preview/preview.css":
        return send("text/css; charset=utf-8", readFileSync(PREVIEW_CSS, "utf8"));
      case "/__preview/events":
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        res.write(`event: update\ndata: ${state.version}\n\n`);
        listeners.add(res);
        req.on("close", () => listeners.delete(res));
        return;
    }
    const image = dataImages.get(url.pathname);
    const file = image ?? path.resolve(PROJECT_ROOT, "." + decodeURIComponent(url.pathname));
    if (!image && !servedFiles.has(file) && !file.startsWith(assetsDir)) return void res.writeHead(404).end();
    const body = await readFile(file).catch(() => undefined);
    if (!body) return void res.writeHead(404).end();
    send(contentType(file), body, "max-age=3600");
  }

  render([]);
  const stopWatching = watchSources(
    [options.dataDir, path.join(PROJECT_ROOT, "templates"), path.join(PROJECT_ROOT, "styles")],
    (files) => render(files),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${port}/`,
    close: async () => {
      stopWatching();
      for (const res of listeners) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The booklet HTML with the preview's screen stylesheet and live-update script. */
function withPreviewTools(booklet: string): string {
  const tools = `<link rel="stylesheet" href="/__preview/preview.css"><script src="/__preview/client.js" defer></script>`;
  return booklet.replace("</head>", `${tools}\n</head>`);
}

/** Before the first good render: a page that shows the problems (overlay) and waits. */
function waitingPage(): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>plan-press プレビュー</title>
<link rel="stylesheet" href="/__preview/preview.css"><script src="/__preview/client.js" defer></script></head>
<body><p class="preview-waiting">データにエラーがあるため、冊子をまだ表示できません。直すと自動で表示されます。</p></body></html>`;
}

/** One problem as the terminal prints it (file:line:column, field, message, how to fix). */
function describe(d: Diagnostic): string {
  return formatDiagnostic(d);
}

function contentType(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return { ".ttf": "font/ttf", ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg" }[ext] ?? "application/octet-stream";
}

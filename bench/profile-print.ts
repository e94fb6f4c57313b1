// Where a print's time goes: `tsx bench/profile-print.ts <final.html> [variant[+variant] …]` loads
// the booklet's final HTML (as plan-press wrote it beside the PDF) in plan-press's own browser and
// prints it tagged and untagged, then, reloaded each time, with each variant taking something out
// of the page (a bisection of the HTML by kind of content; "a+b" applies both). Each line: median
// seconds of PROFILE_RUNS prints (3) and the PDF's size. PROFILE_TRACE=file writes a Chrome trace
// of one tagged print.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer";
import { openBrowser } from "../src/print/browser.js";
import { treeCpuSeconds } from "./process-tree.js";

const RUNS = Number(process.env.PROFILE_RUNS ?? 3);
const [htmlFile, ...wanted] = process.argv.slice(2);
if (!htmlFile) throw new Error("usage: tsx bench/profile-print.ts <final.html> [variant …]");

/** In-page mutations. */
const VARIANTS: Record<string, () => void> = {
  // Links become plain text: no annotations, no named destinations.
  links: () => {
    for (const a of document.querySelectorAll("a[href]")) a.removeAttribute("href");
  },
  // The typesetting's no-break spans unwrapped into their text.
  nb: () => document.querySelectorAll("span.nb").forEach((s) => s.replaceWith(...s.childNodes)),
  // Every span unwrapped.
  spans: () => document.querySelectorAll("span").forEach((s) => s.replaceWith(...s.childNodes)),
  // Every SVG (charts, maps, diagrams, icons) gone.
  svg: () => document.querySelectorAll("svg").forEach((s) => s.remove()),
  // Raster images gone.
  img: () => document.querySelectorAll("img").forEach((i) => i.remove()),
  // No backgrounds, borders or shadows painted.
  paint: () => {
    const style = document.createElement("style");
    style.textContent = "* { background: none !important; border-color: transparent !important; box-shadow: none !important; }";
    document.head.append(style);
  },
  // Tables flattened to blocks.
  tables: () => {
    const style = document.createElement("style");
    style.textContent = "table, thead, tbody, tr, td, th, caption { display: block !important; }";
    document.head.append(style);
  },
  // Fixed sheets (spreads' pages) let free: no overflow clipping, no fixed heights.
  sheets: () => {
    const style = document.createElement("style");
    style.textContent = "* { overflow: visible !important; }";
    document.head.append(style);
  },
  // Positioned and transformed boxes made static.
  positioned: () => {
    const style = document.createElement("style");
    style.textContent = "* { position: static !important; transform: none !important; }";
    document.head.append(style);
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall and Chromium CPU seconds of a print (CPU: steadier on a shared machine). */
async function timed(page: Page, tagged: boolean): Promise<string> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const [t, c] = [performance.now(), treeCpuSeconds(process.pid)];
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: false, timeout: 0 });
    wall.push((performance.now() - t) / 1000);
    cpu.push(treeCpuSeconds(process.pid) - c);
    bytes = pdf.length;
  }
  return `${median(wall).toFixed(2)} s, CPU ${median(cpu).toFixed(2)} s (${(bytes / 1e6).toFixed(2)} MB)`;
}

const handle = await openBrowser({ timeout: 300_000 });
try {
  const page = await handle.browser.newPage({ background: process.env.PROFILE_FOREGROUND !== "1" });
  const load = async () => {
    const t = performance.now();
    await page.goto(pathToFileURL(path.resolve(htmlFile)).href, { waitUntil: "load", timeout: 0 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return `load ${((performance.now() - t) / 1000).toFixed(2)} s`;
  };
  console.log(await load());
  if (process.env.PROFILE_TRACE) {
    await page.tracing.start({ path: process.env.PROFILE_TRACE, categories: (process.env.PROFILE_CATEGORIES ?? "devtools.timeline,blink,cc,skia,disabled-by-default-devtools.timeline,accessibility,printing,toplevel,mojom").split(",") });
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0 });
    await page.tracing.stop();
  }
  const report = async (label: string) => {
    const elements = await page.evaluate(() => document.querySelectorAll("*").length);
    const [tagged, untagged] = [await timed(page, true), await timed(page, false)];
    console.log(`${label.padEnd(20)} ${elements} elements  tagged ${tagged}  untagged ${untagged}`);
  };
  await report("as built");
  for (const names of wanted) {
    await load();
    for (const name of names.split("+")) {
      const variant = VARIANTS[name];
      if (!variant) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(", ")}`);
      await page.evaluate(variant);
    }
    await report(`− ${names}`);
  }
} finally {
  await handle.close();
}

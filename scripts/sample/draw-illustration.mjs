// Draws the sample's cover illustration (data/images/illustration.png): hills, a river, fields and
// houses in the booklet's colours, drawn by the project (no third-party photo), rendered by the
// Chromium that prints the booklet. 2400 × 1400 px: 300 ppi at about 200 mm wide.
// Run: node scripts/sample/draw-illustration.mjs
import path from "node:path";
import puppeteer from "puppeteer";

const OUT = path.resolve(import.meta.dirname, "../../data/images/illustration.png");
const W = 2400;
const H = 1400;
const houses = Array.from({ length: 14 }, (_, i) => {
  const x = 260 + i * 130 + (i % 3) * 18;
  const y = 930 - (i % 4) * 26;
  const c = ["#b04a00", "#2a63a8", "#b8325f", "#287534", "#5a47a5", "#8a6400", "#0a7374"][i % 7];
  return `<g transform="translate(${x} ${y})"><rect x="0" y="0" width="86" height="64" fill="#fff" stroke="${c}" stroke-width="6"/><path d="M-10 4 L43 -40 L96 4 Z" fill="${c}"/><rect x="32" y="26" width="22" height="38" fill="${c}" opacity="0.8"/></g>`;
}).join("");
const trees = Array.from({ length: 22 }, (_, i) => {
  const x = 80 + i * 108 + (i % 2) * 30;
  const y = 1090 + (i % 3) * 22;
  return `<g transform="translate(${x} ${y})"><rect x="-6" y="0" width="12" height="40" fill="#6b4f2a"/><circle cx="0" cy="-14" r="${30 + (i % 4) * 5}" fill="${i % 2 ? "#3f8f4f" : "#287534"}"/></g>`;
}).join("");
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#cfe8ef"/><stop offset="1" stop-color="#f4f8f3"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#sky)"/>
<circle cx="1900" cy="300" r="150" fill="#f2c94c"/>
<path d="M0 760 C 400 560, 800 640, 1200 600 S 2000 520, 2400 640 L2400 1400 L0 1400 Z" fill="#9bc59d"/>
<path d="M0 880 C 500 760, 900 820, 1400 780 S 2100 740, 2400 820 L2400 1400 L0 1400 Z" fill="#7fb384"/>
<path d="M-20 1240 C 500 1160, 900 1320, 1300 1220 S 2000 1120, 2440 1200 L2440 1300 C 2000 1220, 1500 1340, 1100 1320 S 300 1260, -20 1330 Z" fill="#5fa8c8"/>
${houses}${trees}
</svg>`;

const browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"], headless: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: W, height: H });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: W, height: H }, type: "png" });
  console.log(`→ ${path.relative(process.cwd(), OUT)}`);
} finally {
  await browser.close();
}

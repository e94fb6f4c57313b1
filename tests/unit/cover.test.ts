// The cover and the colophon: the emblem and key visual slots filled from the model (given here,
// as files beside the page, whatever images the sample has), the empty state, the stage, and the
// date in the edition's year style.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/build.js";
import { buildModel } from "../../src/model/build-model.js";
import { issueDate } from "../../src/model/edition-dates.js";
import { renderHtml } from "../../src/render/render-html.js";
import { fontFaces } from "../../src/fonts.js";
import { tint } from "../../src/render/system-tree.js";
import { DATA } from "../helpers/data-copy.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const model = () => buildModel(checkData(DATA).data!, { sdgIcon: () => undefined });
const render = (booklet: ReturnType<typeof model>) => renderHtml(booklet, { htmlDir: path.join(ROOT, "output"), fonts: fontFaces(), edition: "official" });
const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));

describe("the cover", () => {
  it("shows the emblem and the key visual from the data, with their alt text and proportions", () => {
    const booklet = model();
    const beside = (name: string) => path.join(ROOT, "output", "images", name);
    booklet.edition.emblem = { src: beside("emblem.png"), alt: "市章", width: 480, height: 600 };
    booklet.edition.keyVisual = { src: beside("key-visual.jpg"), alt: "川沿いの桜並木と市街地", width: 1600, height: 900 };
    const html = render(booklet);
    const cover = between(html, '<section class="cover', "</section>");
    expect(cover).toContain('<img class="cover__emblem" src="images/emblem.png" alt="市章" width="480" height="600">');
    expect(cover).toContain('<img class="cover__key-visual" src="images/key-visual.jpg" alt="川沿いの桜並木と市街地" width="1600" height="900" style="aspect-ratio: 1600 / 900">');
    expect(cover).not.toContain("cover__pattern");
    // The colophon carries the emblem too.
    expect(between(html, '<section class="back-cover"', "</section>")).toContain('<img class="back-cover__emblem" src="images/emblem.png" alt="市章"');
  });

  it("without images shows a pattern in the 政策 colours, no empty frame and no image", () => {
    const booklet = model();
    delete booklet.edition.emblem;
    delete booklet.edition.keyVisual;
    const cover = between(render(booklet), '<section class="cover', "</section>");
    expect(cover).not.toContain("<img");
    expect(cover).toMatch(/<svg class="cover__pattern"[^>]* aria-hidden="true">/);
    // Each 政策's colour, at full strength or in one of the pattern's tints.
    for (const { color } of booklet.policyAreas) expect([color, tint(color, 0.12), tint(color, 0.38)].some((c) => cover.includes(c)), color).toBe(true);
  });

  it("shows the stage until the plan is adopted, and the date in the edition's year style", () => {
    const booklet = model();
    expect(booklet.edition.stage).toBe("案");
    const html = render(booklet).replace(/<span class="nb">|<\/span>/g, "");
    expect(between(html, '<section class="cover', "</section>")).toContain('<p class="cover__stage">案</p>');
    expect(html).toContain('<p class="cover__date">令和6年（2024年）10月</p>');
    expect(between(html, '<section class="back-cover"', "</section>")).toContain("発行　令和6年（2024年）10月　第1版");
    const adopted = model();
    delete adopted.edition.stageLabel;
    expect(render(adopted)).not.toContain('<p class="cover__stage">');
  });

  it("prints dates in every year style as fiscal years are printed", () => {
    expect(issueDate("2024-10-01", "era-western")).toBe("令和6年（2024年）10月");
    expect(issueDate("2026-03-31", "western-era")).toBe("2026（令和8）年3月");
    expect(issueDate("2019-05-01", "era")).toBe("令和元年5月");
    expect(issueDate("2019-05-01", "western")).toBe("2019年5月");
  });
});

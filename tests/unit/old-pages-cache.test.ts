// The older version's pages kept between runs (src/diff/old-pages-cache.ts): the key is what
// Chromium is given — the page, the bytes of every file it loads, the Chromium — so a copy of the
// same version elsewhere finds the stored pages, and any change that could move a page does not.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printKey, storedPages, storePages } from "../../src/diff/old-pages-cache.js";

const root = mkdtempSync(path.join(tmpdir(), "plan-press-oldkey-"));
const executable = path.join(root, "chromium");
writeFileSync(executable, "a browser");
writeFileSync(path.join(root, "font.ttf"), "a face");

/** An older version's page in a fresh temporary folder, with its photo beside it (as each run extracts it). */
function version(photo = "photo-bytes"): { dir: string; html: string } {
  // Named as plan-press names its temporary folders; error messages' attributes name it too.
  const dir = mkdtempSync(path.join(root, `plan-press-old-${process.pid}-`));
  mkdirSync(path.join(dir, "images"));
  writeFileSync(path.join(dir, "images", "写真 1.jpg"), photo);
  const html = `<style>@font-face { src: url("../font.ttf") }</style><img src="images/%E5%86%99%E7%9C%9F%201.jpg"><a href="#x">x</a><img src="data:image/png;base64,AA">` +
    `<article data-fit-file="${dir}/districts/kita.yaml"></article>`;
  return { dir, html };
}

describe("the key of an older version's print", () => {
  it("is the same for the same page and bytes in another folder, and differs for any change that could move a page", () => {
    const a = version();
    const b = version();
    const key = printKey(a.html, a.dir, executable);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(printKey(b.html, b.dir, executable)).toBe(key);
    // Another photo, another page, another Chromium.
    const c = version("other-bytes");
    expect(printKey(c.html, c.dir, executable)).not.toBe(key);
    expect(printKey(a.html.replace("<a", "<p>more</p><a"), a.dir, executable)).not.toBe(key);
    const other = path.join(root, "chromium-2");
    copyFileSync(executable, other);
    utimesSync(other, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(printKey(a.html, a.dir, other)).not.toBe(key);
  });

  it("is not known when a file the page loads is missing, or without a Chromium of our own", () => {
    const a = version();
    expect(printKey(a.html.replace("images/", "missing/"), a.dir, executable)).toBeUndefined();
    expect(printKey(a.html, a.dir, undefined)).toBeUndefined();
  });
});

describe("the stored pages", () => {
  it("are read back as written; a damaged or foreign entry is not used; the oldest go beyond twenty", () => {
    const store = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-oldstore-")), "old-pages");
    const key = "a".repeat(64);
    expect(storedPages(key, store)).toBeUndefined();
    storePages(key, new Map([["area-7", "57"], ["project-5", "31"]]), store);
    expect(storedPages(key, store)).toEqual(new Map([["area-7", "57"], ["project-5", "31"]]));
    writeFileSync(path.join(store, `${key}.json`), "{ damaged");
    expect(storedPages(key, store)).toBeUndefined();
    writeFileSync(path.join(store, `${key}.json`), JSON.stringify({ key: "b".repeat(64), labels: { x: "1" } }));
    expect(storedPages(key, store)).toBeUndefined();
    for (let i = 0; i < 25; i++) storePages(i.toString(16).padStart(64, "0"), new Map([["x", String(i)]]), store);
    expect(readdirSync(store).filter((n) => n.endsWith(".json"))).toHaveLength(20);
    expect(readdirSync(store).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

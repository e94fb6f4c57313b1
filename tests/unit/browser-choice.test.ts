// Which Chromium prints and how long a print may take, without starting one: the headless shell
// is started in its own mode, and a print that answers but never hands its PDF back is a timeout
// of the print, not of the connection (which may be minutes longer).
import { describe, expect, it } from "vitest";
import type { Page } from "puppeteer";
import { headlessMode, isTimeout, printWithin } from "../../src/print/browser.js";

describe("headlessMode", () => {
  it("starts the headless shell as the shell, any other Chromium or Chrome in the new headless mode", () => {
    expect(headlessMode("/usr/lib/chromium/chromium-headless-shell")).toBe("shell");
    expect(headlessMode("/home/ci/.cache/puppeteer/chrome-headless-shell/linux-156/chrome-headless-shell-linux64/chrome-headless-shell")).toBe("shell");
    expect(headlessMode("/usr/bin/chromium")).toBe(true);
    expect(headlessMode("/opt/google/chrome/chrome")).toBe(true);
    // A folder named so does not make the browser in it a shell.
    expect(headlessMode("/opt/headless-shell-tools/chrome")).toBe(true);
  });
});

describe("printWithin", () => {
  it("ends a print whose PDF never comes back at the print's own timeout", async () => {
    const page = { pdf: () => new Promise<Uint8Array>(() => undefined) } as unknown as Page;
    const outcome = await Promise.race([
      printWithin(page, { timeout: 200 }).catch((e: unknown) => e),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 2 s"), 2_000)),
    ]);
    expect(isTimeout(outcome), String(outcome)).toBe(true);
  });

  it("hands back the PDF of a print that answers in time", async () => {
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const page = { pdf: async () => pdf } as unknown as Page;
    expect(await printWithin(page, { timeout: 1_000 })).toBe(pdf);
  });
});

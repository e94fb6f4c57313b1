// Chromium killed at every step of printing, deterministically (PLAN_PRESS_FAULT names the step:
// the nth DevTools call of a method): its death is noticed at once, never by waiting out the
// timeout (300 s here), and no Chromium of this process is left.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openBrowser, raceGone, type BrowserHandle } from "../src/print/browser.js";
import { printBooklet } from "../src/print/print-booklet.js";
import { BrowserError } from "../src/errors.js";
import { browserFault } from "../src/pipeline/run-print.js";
import { ownChromiums, processesWith, stateOf } from "./helpers/processes.js";

const TIMEOUT = 300_000;
const dir = mkdtempSync(path.join(tmpdir(), "plan-press-faults-print-"));
const htmlFile = path.join(dir, "page.html");
const html = `<!doctype html><html><head><style>[data-start], .blank-page { break-before: page; }</style></head><body>
  <h1 id="ch-intro" data-start="right"><a href="#ch-intro">はじめに</a> <span data-page-of="end"></span></h1>
  <h2 id="end" data-start="left"><a href="#end">end</a></h2></body></html>`;
writeFileSync(htmlFile, html);

/** One print as build.ts does it: open, print raced against the browser's end, close. */
async function printOnce(): Promise<{ error?: unknown; ms: number }> {
  const started = performance.now();
  let handle: BrowserHandle | undefined;
  try {
    handle = await openBrowser({ timeout: TIMEOUT });
    await raceGone(handle, printBooklet(handle, { htmlFile, html, timeout: TIMEOUT, firstBodyAnchor: "ch-intro" }));
    return { ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  } finally {
    await handle?.close();
  }
}

/**
 * The steps: launch, the first call to the tab (the one Chromium opens at start), load, fonts and
 * scripts, each print, page close, browser close.
 */
const STEPS = [
  "chromium:spawn", "chromium:Target.setDiscoverTargets:1", "chromium:Emulation.setEmulatedMedia:1", "chromium:Page.navigate:1",
  "chromium:Runtime.callFunctionOn:1", "chromium:Runtime.callFunctionOn:3", "chromium:Page.printToPDF:1", "chromium:Page.printToPDF:2",
  "chromium:Target.closeTarget:1", "chromium:Browser.close:1",
];
/** Killed after the print is done: closing must still be quick, and the result may stand. */
const AFTER_PRINT = new Set(["chromium:Target.closeTarget:1", "chromium:Browser.close:1"]);

afterEach(() => {
  delete process.env.PLAN_PRESS_FAULT;
  // A test that failed half-way may leave a stopped Chromium, which no closed pipe would end.
  for (const pid of processesWith(`plan-press-chromium-${process.pid}-`)) if (stateOf(pid) === "T") process.kill(pid, "SIGKILL");
});

describe("Chromium killed at a named step", () => {
  it("the steps are all reached by a print (so each case below kills where it says)", async () => {
    const reached: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.startsWith("plan-press-fault-point: ")) reached.push(text.slice(24).trim());
      else return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      return true;
    }) as typeof process.stderr.write;
    process.env.PLAN_PRESS_FAULT = "list";
    try {
      expect((await printOnce()).error).toBeUndefined();
    } finally {
      process.stderr.write = write;
    }
    for (const step of STEPS) expect(reached).toContain(step);
  });

  for (const step of STEPS) {
    it(`at ${step}: noticed at once, said as a Chromium fault, nothing left`, async () => {
      process.env.PLAN_PRESS_FAULT = `${step}=kill-chromium-always`;
      const { error, ms } = await printOnce();
      // Far below the 300 s timeout (even on a machine busy with other builds): seen, not waited out.
      expect(ms).toBeLessThan(90_000);
      if (!AFTER_PRINT.has(step) || error) {
        expect(error, step).toBeInstanceOf(Error);
        const fault = browserFault(error, TIMEOUT);
        expect(fault, String(error)).toBeInstanceOf(BrowserError);
        expect(fault!.retriable).toBe(true);
        expect(fault!.message).toMatch(/^Chromium (が印刷の途中で終了しました（クラッシュまたは強制終了）。|を起動できません（.*）: 起動の途中で終了しました)/);
      }
      expect(await ownChromiums(process.pid)).toEqual([]);
    });
  }

  it("a stopped (hung) Chromium is found by the timeout, and killed", async () => {
    // Only a timeout can see a browser that is alive but silent. A busy machine gets a minute to
    // start it; the page (a few lines) is loaded and printed well within the print's 4 s (the
    // test waits that long for the fault, once).
    process.env.PLAN_PRESS_FAULT = "chromium:Page.printToPDF:1=hang-chromium-always";
    const started = performance.now();
    const handle = await openBrowser({ timeout: 60_000 });
    let error: unknown;
    try {
      await raceGone(handle, printBooklet(handle, { htmlFile, html, timeout: 4_000, firstBodyAnchor: "ch-intro" }));
    } catch (e) {
      error = e;
    } finally {
      await handle.close();
    }
    expect(browserFault(error, 4_000)?.message).toMatch(/^Chromium が 4 秒以内に応答しませんでした/);
    expect(performance.now() - started).toBeLessThan(100_000);
    expect(await ownChromiums(process.pid)).toEqual([]);
  }, 240_000);
});

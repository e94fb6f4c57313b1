// A browser started ahead of its print (pipeline/early-browser.ts): started once, handed
// over once, and closed by the build only when no print took it. Chromium itself is not started.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BrowserHandle } from "../../src/print/browser.js";
import { earlyBrowser as early0 } from "../../src/pipeline/early-browser.js";

const launched: Array<{ close: ReturnType<typeof vi.fn> }> = [];
let failNext = false;
/** A stand-in for openBrowser: a handle whose close is counted. */
async function fakeOpen(): Promise<BrowserHandle> {
  if (failNext) throw new Error("no browser");
  const handle = { close: vi.fn(async () => undefined) };
  launched.push(handle);
  return handle as unknown as BrowserHandle;
}
const earlyBrowser = (options: { timeout: number }) => early0(options, fakeOpen);

beforeEach(() => {
  launched.length = 0;
  failNext = false;
});

describe("earlyBrowser", () => {
  it("starts nothing until asked, and starts once however often asked", async () => {
    const early = earlyBrowser({ timeout: 1000 });
    expect(early.take()).toBeUndefined();
    early.start();
    early.start();
    await early.take();
    expect(launched).toHaveLength(1);
  });

  it("hands the browser over once; the build's discard then leaves it to the print", async () => {
    const early = earlyBrowser({ timeout: 1000 });
    early.start();
    const taken = early.take();
    expect(taken).toBeDefined();
    expect(early.take()).toBeUndefined();
    await early.discard();
    expect(launched[0]!.close).not.toHaveBeenCalled();
  });

  it("closes a browser no print took (the build ended before printing)", async () => {
    const early = earlyBrowser({ timeout: 1000 });
    early.start();
    await early.discard();
    expect(launched[0]!.close).toHaveBeenCalledOnce();
  });

  it("a start that failed is discarded without an error (a print that takes it reports it)", async () => {
    failNext = true;
    const early = earlyBrowser({ timeout: 1000 });
    early.start();
    await expect(early.discard()).resolves.toBeUndefined();
    const other = earlyBrowser({ timeout: 1000 });
    other.start();
    await expect(other.take()).rejects.toThrow("no browser");
  });
});

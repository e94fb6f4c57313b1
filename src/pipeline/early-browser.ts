// Chromium started ahead of the print. A module of its own, so that the build starts it as soon
// as the data is valid, before the printing stages (pdf-lib among them) have loaded.
import { openBrowser, type BrowserHandle } from "../print/browser.js";
import type { RunOptions } from "./run-print.js";

/** A browser started ahead of its print: take() hands it over once; discard() closes it if nobody took it. */
export interface EarlyBrowser {
  start(): void;
  take(): Promise<BrowserHandle> | undefined;
  discard(): Promise<void>;
}

/**
 * Chromium started ahead of the print, so that it starts on the other core while the booklet is
 * rendered (about a second sooner). A failed start is reported (and retried, as any launch) by
 * the print that takes it. `open` starts it (a test passes a stand-in).
 */
export function earlyBrowser(options: RunOptions, open: typeof openBrowser = openBrowser): EarlyBrowser {
  let started: Promise<BrowserHandle> | undefined;
  const take = () => {
    const taken = started;
    started = undefined;
    return taken;
  };
  return {
    start: () => {
      started ??= open({ wsEndpoint: options.browserWsEndpoint, timeout: options.timeout });
      started.catch(() => undefined);
    },
    take,
    discard: async () => void (await take()?.then((browser) => browser.close(), () => undefined)),
  };
}

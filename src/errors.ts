// One error base class; the CLI prints `message` (Japanese first) for these and a stack only for
// anything else, which is a bug.
import type { Diagnostic } from "./validate/diagnostic.js";

/** A failure the user can act on; `message` is what the CLI prints. */
export class PlanPressError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The plan data is invalid; carries every problem found, not just the first. */
export class DataError extends PlanPressError {
  /** `kept` says what was left as it was (the booklet's PDF unless a command says otherwise). */
  constructor(readonly diagnostics: Diagnostic[], kept = "PDF は作成していません（前回の PDF はそのままです）。") {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    super(`データに ${errors} 件のエラーがあります。${kept}`);
  }
}

/** Chromium could not be found, started, reached or made to print. */
export class BrowserError extends PlanPressError {
  /** True when trying again with a fresh browser may help (it died or hung). */
  readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown; retriable?: boolean }) {
    super(message, options);
    this.retriable = options?.retriable ?? false;
  }
}

/** A font file is missing or cannot be read. */
export class FontError extends PlanPressError {}

/** A bad command line. */
export class UsageError extends PlanPressError {}

/** The booklet does not fit its pages (a block taller than a page, something wider than it). */
export class LayoutError extends PlanPressError {}

// The build's output from start to end: planned and checked before the data is read, staged
// before printing (which proves the place writable), committed as one set after finishing.
import path from "node:path";
import { defaultOut, type EditionName } from "../editions.js";
import type { WebPart } from "../finish/web-files.js";
import type { EditionView } from "../model/types.js";
import { commitFileSet, type FileToWrite } from "./file-set.js";
import { checkTargets, planOutput, type FilesPlan, type WebPlan } from "./output-plan.js";
import { withGenerator } from "./ownership.js";
import { stageWebFolder, type WebFolder } from "./web-folder.js";
import { temporarySibling } from "./write-output.js";
import { rmSync } from "node:fs";

/** Everything one build writes. */
export interface BookletFiles {
  pdf: Uint8Array;
  /** The HTML as printed. */
  html: string;
  /** The pagination hint (JSON). */
  hint: string;
  /** Print edition with --pdfx. */
  pdfx?: Uint8Array;
  /** Web edition: the chapter files. */
  parts: WebPart[];
  edition: EditionView;
}

export interface Staging {
  /** Where Chromium loads the booklet's HTML from. */
  sourceHtml: string;
  /** Writes the whole set at once (all new, or on failure all old); the web folder's listing for web. */
  commit(files: BookletFiles): WebFolder | undefined;
  /** Removes what staging made (call in a finally block; a no-op after commit). */
  dispose(): void;
}

export type BookletOutput = (FilesPlan | WebPlan) & { stage(): Staging };

/** Plans the build's output; throws a UsageError for an unsafe --out before anything is read. */
export function planBookletOutput(request: { edition: EditionName; out: string; pdfx?: boolean; inputs: Array<{ path: string; label: string }> }): BookletOutput {
  const plan = planOutput({
    kind: request.edition === "web" ? "web" : "files", defaultName: path.basename(defaultOut(request.edition)),
    out: request.out, pdfx: request.pdfx, inputs: request.inputs,
  }) as FilesPlan | WebPlan;
  return { ...plan, stage: () => (plan.kind === "web" ? stageWeb(plan) : stageFiles(plan)) };
}

/** A build's output, with what the build reads as its inputs (the data, the compared version). */
export function planBuildOutput(options: { edition: EditionName; outFile: string; pdfx?: boolean; dataDir: string; changesSince?: string }): BookletOutput {
  return planBookletOutput({
    edition: options.edition, out: options.outFile, pdfx: options.pdfx,
    inputs: [{ path: options.dataDir, label: "データのフォルダ" }, ...(options.changesSince !== undefined ? [{ path: options.changesSince, label: "--changes-since の比較元" }] : [])],
  });
}

function stageWeb(plan: WebPlan): Staging {
  const stage = stageWebFolder(plan.dir, plan.base);
  return {
    sourceHtml: stage.sourceHtml,
    dispose: stage.dispose,
    commit: (files) => stage.commit({ booklet: files.pdf, html: files.html, hint: files.hint, parts: files.parts, edition: files.edition }),
  };
}

function stageFiles(plan: FilesPlan): Staging {
  const sourceHtml = temporarySibling(plan.html);
  return {
    sourceHtml,
    dispose: () => rmSync(sourceHtml, { force: true }),
    commit: (files) => {
      const set: FileToWrite[] = [
        { target: plan.hint, data: files.hint },
        { target: plan.html, data: withGenerator(files.html) },
        ...(plan.pdfx && files.pdfx ? [{ target: plan.pdfx, data: files.pdfx }] : []),
        // The booklet last: when it is new, so is everything else.
        { target: plan.pdf, data: files.pdf },
      ];
      rmSync(sourceHtml, { force: true });
      commitFileSet(plan.dir, plan.base, set, () => checkTargets(plan));
      return undefined;
    },
  };
}

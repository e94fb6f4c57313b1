// The booklets that several test files only read, built once per test run and shared: the
// sample in the official, draft and print editions, and the second fixture plan as the official
// booklet and the web edition. The first file that asks builds it into
// the run's folder (global-setup.ts); the others, in this file or another, read the PDF and the
// result written beside it.
// A test that changes an output must build its own.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { build, type BuildOptions, type BuildResult } from "../../src/build.js";
import { DATA, MIDORINO } from "./data-copy.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Each shared set: where its data is and how it is built (file names as staff's defaults). */
const SETS = {
  official: { dataDir: DATA, file: "action-plan.pdf", edition: "official" },
  draft: { dataDir: DATA, file: "action-plan-draft.pdf", edition: "draft" },
  // The second plan: its five chapters make as many files as the sample's eight, at a fifth of the CPU.
  web: { dataDir: MIDORINO, file: "web/action-plan.pdf", edition: "web" },
  print: { dataDir: DATA, file: "action-plan-print.pdf", edition: "print", binding: "中綴じ", pdfx: true },
  midorino: { dataDir: MIDORINO, file: "action-plan.pdf", edition: "official" },
} as const satisfies Record<string, Omit<BuildOptions, "outFile" | "timeout" | "strict"> & { file: string }>;

export type SharedSet = keyof typeof SETS;

export interface SharedBuild {
  /** The built PDF (read only: other test files read it too). */
  out: string;
  result: BuildResult;
}

const built = new Map<SharedSet, Promise<SharedBuild>>();

/** The shared build `name`, built on first use in this run. */
export function shared(name: SharedSet): Promise<SharedBuild> {
  let pending = built.get(name);
  if (!pending) {
    pending = load(name);
    built.set(name, pending);
  }
  return pending;
}

async function load(name: SharedSet): Promise<SharedBuild> {
  const dir = path.join(inject("sharedDir"), name);
  const { file, ...options } = SETS[name];
  const resultFile = path.join(dir, "result.json");
  // Test files may run side by side: the first to ask builds, the others wait for its result.
  while (!existsSync(resultFile)) {
    let lock: number;
    try {
      lock = openSync(`${dir}.lock`, "wx");
    } catch {
      if (existsSync(`${dir}.failed`)) throw new Error(`the shared ${name} build failed in another test file: ${readFileSync(`${dir}.failed`, "utf8")}`);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      await buildInto(dir, file, options);
    } catch (err) {
      writeFileSync(`${dir}.failed`, String(err));
      throw err;
    } finally {
      closeSync(lock);
    }
  }
  return { out: path.join(dir, file), result: decode(JSON.parse(readFileSync(resultFile, "utf8"))) };
}

/**
 * Builds in a sibling folder, then renames it into place whole: a build that fails leaves nothing
 * shared, and the HTML's relative links (to the data's images, the fonts) stay right, the depth
 * being the same.
 */
async function buildInto(dir: string, file: string, options: Omit<BuildOptions, "outFile" | "timeout" | "strict">): Promise<void> {
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const outFile = path.join(partial, file);
  mkdirSync(path.dirname(outFile), { recursive: true });
  // The shipped booklet's pagination hint, as staff who rebuild have it (output/, from the Quick start).
  const hint = path.join(ROOT, "output", ".action-plan.pagination.json");
  if (options.dataDir === DATA && existsSync(hint)) copyFileSync(hint, path.join(path.dirname(outFile), `.${path.basename(file, ".pdf")}.pagination.json`));
  const result = await build({ ...options, outFile, timeout: 300_000, strict: false });
  writeFileSync(path.join(partial, "result.json"), JSON.stringify(encode(result, partial, dir)));
  renameSync(partial, dir);
}

// BuildResult carries a Map and Dates, and absolute paths of the folder it was built in.
function encode(result: BuildResult, from: string, to: string): unknown {
  return JSON.parse(JSON.stringify(result, (_key, value: unknown) => {
    if (value instanceof Map) return { $map: [...value] };
    if (typeof value === "string" && value.startsWith(from)) return to + value.slice(from.length);
    return value;
  }));
}

function decode(json: unknown): BuildResult {
  const result = JSON.parse(JSON.stringify(json), (_key, value: unknown) =>
    value && typeof value === "object" && "$map" in value ? new Map((value as { $map: Array<[unknown, unknown]> }).$map) : value,
  ) as BuildResult;
  result.documentDate = new Date(result.documentDate);
  return result;
}

// The booklets that several test files only read, built once per test run and shared: the
// sample's official booklet, and the second fixture plan as the official booklet, the draft,
// the web edition and (with a cover picture) the print edition. The first file that asks builds it into
// the run's folder (global-setup.ts); the others, in this file or another, read the PDF and the
// result written beside it.
// A test that changes an output must build its own.
import { appendFileSync, closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { inject } from "vitest";
import { build, type BuildOptions, type BuildResult } from "../../src/build.js";
import { DATA, MIDORINO } from "./data-copy.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Each shared set: where its data is and how it is built (file names as staff's defaults). */
const SETS = {
  official: { dataDir: DATA, file: "action-plan.pdf", edition: "official" },
  // The draft beside the second plan's official booklet: the same pages, a third of the sample's CPU.
  draft: { dataDir: MIDORINO, file: "action-plan-draft.pdf", edition: "draft" },
  // The second plan: its five chapters make as many files as the sample's eight, at a fifth of the CPU.
  web: { dataDir: MIDORINO, file: "web/action-plan.pdf", edition: "web" },
  // The second plan with a cover picture (a press file must keep its images): its 44 pages
  // convert to PDF/X in a third of the sample's time.
  print: { dataDir: MIDORINO, file: "action-plan-print.pdf", edition: "print", binding: "中綴じ", pdfx: true, coverPicture: true },
  midorino: { dataDir: MIDORINO, file: "action-plan.pdf", edition: "official" },
} as const satisfies Record<string, Omit<BuildOptions, "outFile" | "timeout" | "strict"> & { file: string; coverPicture?: boolean }>;

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
  const { file, ...set } = SETS[name];
  const { coverPicture, ...options } = { coverPicture: false, ...set };
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
      await buildInto(dir, file, coverPicture ? { ...options, dataDir: await withCoverPicture(options.dataDir, `${dir}-data`) } : options);
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
 * A copy of a plan (kept for the run: the built HTML links to its images) whose cover shows a
 * picture: a landscape drawn in flat colours, 2400 × 1400 pixels (over 300 ppi as printed).
 */
async function withCoverPicture(dataDir: string, into: string): Promise<string> {
  rmSync(into, { recursive: true, force: true });
  cpSync(dataDir, into, { recursive: true });
  mkdirSync(path.join(into, "images"), { recursive: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1400"><rect width="2400" height="1400" fill="#e8f3f8"/>` +
    `<circle cx="1900" cy="300" r="140" fill="#f2c14e"/><path d="M0 900 Q600 500 1200 850 T2400 800 V1400 H0Z" fill="#7dbf7a"/>` +
    `<path d="M0 1150 Q800 1000 1400 1200 T2400 1150 V1400 H0Z" fill="#3f8f5a"/><path d="M300 1400 Q900 1200 1500 1300 T2400 1250 V1400Z" fill="#5aa0d6"/></svg>`;
  await sharp(Buffer.from(svg)).png().toFile(path.join(into, "images", "landscape.png"));
  appendFileSync(path.join(into, "edition.yaml"), "cover:\n  keyVisual: { image: landscape.png, alt: 丘と川の風景（テスト用に描いたもの） }\n");
  return into;
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

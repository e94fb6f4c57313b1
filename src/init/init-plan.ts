// `plan-press init DIR --city NAME`: a minimal valid plan to start from — the edition with the
// city, one 政策 with one 重点施策, one Markdown chapter, no districts and no projects — copied
// from templates/init/ with Japanese comments, so that `plan-press build --data DIR` builds it.
// It writes only into a folder that does not exist yet (or is empty), all at once.
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { PROJECT_ROOT } from "../paths.js";
import { UsageError } from "../errors.js";

const SKELETON = path.join(PROJECT_ROOT, "templates", "init");

export interface InitOptions {
  dir: string;
  city: string;
  title?: string;
  /** Today, for the edition's date and the plan's period (next fiscal year on). */
  today?: Date;
}

/** Writes the skeleton plan into `dir`; returns the files written (relative to dir). */
export function initPlan(options: InitOptions): string[] {
  const dir = path.resolve(options.dir);
  const city = options.city.trim();
  if (!city || city.length > 40 || /[\n\r]/.test(city)) throw new UsageError("--city には市の名称（40文字まで）を指定してください。例: plan-press init data-midorino --city みどり野市");
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new UsageError(`${options.dir} はファイルです。新しいフォルダの名前を指定してください。`);
  if (existing && readdirSync(dir).length > 0) {
    throw new UsageError(`${options.dir} にはすでにファイルがあります。plan-press init は空のフォルダか、まだないフォルダにだけ書き込みます（ほかのファイルを上書きしないため）。`);
  }
  const today = options.today ?? new Date();
  // The fiscal year starts in April: a plan made now usually starts next fiscal year.
  const fiscal = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  const values: Record<string, string> = {
    city: scalar(city),
    title: scalar(options.title?.trim() || `${city}総合計画`),
    from: String(fiscal + 1),
    to: String(fiscal + 5),
    baseYear: String(fiscal),
    date: today.toISOString().slice(0, 10),
  };
  // Build the whole folder beside the target, then move it in: a failure leaves nothing half made.
  const temp = `${dir}.init-${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  try {
    cpSync(SKELETON, temp, { recursive: true });
    const files = listFiles(temp);
    for (const file of files) {
      const abs = path.join(temp, file);
      const schemaDir = path.relative(path.dirname(path.join(dir, file)), path.join(PROJECT_ROOT, "schema")).split(path.sep).join("/");
      const text = readFileSync(abs, "utf8")
        .replace(/\$schema=(\.\.\/)+schema\//, `$schema=${schemaDir}/`)
        .replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`);
      writeFileSync(abs, text);
    }
    // rmdir, not rm -r: it fails rather than delete a file someone put there meanwhile.
    if (existing) rmdirSync(dir);
    mkdirSync(path.dirname(dir), { recursive: true });
    renameSync(temp, dir);
    return files;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A YAML plain or quoted scalar for a value typed by the user. */
function scalar(value: string): string {
  return stringify(value).trimEnd();
}

function listFiles(root: string, sub = ""): string[] {
  return readdirSync(path.join(root, sub), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(root, path.join(sub, e.name)) : [path.join(sub, e.name)]))
    .sort();
}

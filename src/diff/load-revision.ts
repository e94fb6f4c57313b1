// The older side of a comparison: a folder of data, or the data/ folder at a git revision
// (extracted with `git archive` into a temporary folder, removed by dispose()). Git receives
// revisions only: a name that starts with "-" never reaches it, the name is checked with
// `rev-parse --verify --end-of-options`, and everything after works on the full commit id. A name
// that is both a folder and a revision is refused, saying which is which. What was read is told
// on the terminal only (`source`): the documents name the version by its own edition.yaml.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { makeTempDir } from "../write/temp-dirs.js";

/** A folder holding the older data, what it was read from, and how to clean it up. */
export interface OldData {
  dir: string;
  /** For the terminal: 「git の版 shingikai-1（コミット 40fe085、2026-11-25）」 or 「フォルダ /…/data-0901」. */
  source: string;
  dispose(): void;
}

type Git = (args: string[]) => string | undefined;

/** The data at `ref`: a folder, or the data folder as it was at git revision `ref`. */
export function resolveOldData(ref: string, dataDir: string): OldData {
  if (ref.trim() === "") throw new UsageError("比べる前の版が空です。git のリビジョン（タグ名など）か、古いデータのフォルダを指定してください。");
  const folder = path.resolve(ref);
  const isFolder = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
  // ./name, ../name and /path are paths by how they are written: never a revision.
  if (/^\.{0,2}[\\/]/.test(ref) || path.isAbsolute(ref) || ref === "." || ref === "..") {
    if (!isFolder) throw new UsageError(`フォルダ「${ref}」がありません。比べる古いデータのフォルダを確認してください。`);
    return asFolder(folder);
  }
  const git: Git = (args) => {
    try {
      return execFileSync("git", args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1024 * 1024 }).toString().trim();
    } catch {
      return undefined;
    }
  };
  const top = git(["-C", path.resolve(dataDir), "rev-parse", "--show-toplevel"]);
  const commit = top !== undefined && !ref.startsWith("-") ? git(["-C", top, "rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]) : undefined;

  if (isFolder && commit) {
    const full = git(["-C", top!, "rev-parse", "--verify", "--quiet", "--symbolic-full-name", "--end-of-options", ref]) || `${ref}^{commit}`;
    throw new UsageError(
      `「${ref}」は、フォルダ（${folder}）と git の版（${full}、コミット ${commit.slice(0, 7)}）の両方を指していて、どちらと比べるか決められません。\n` +
        `フォルダと比べるなら ./${ref} のように、git の版と比べるなら ${full} のように指定してください。`,
    );
  }
  if (isFolder) return asFolder(folder);
  if (top === undefined) {
    throw new UsageError(`「${ref}」というフォルダはなく、${dataDir} は git の管理下にもありません。比べる古いデータのフォルダか、git のリビジョン（タグ名など）を指定してください。`);
  }
  if (!commit) {
    throw new UsageError(`git のリビジョン「${ref}」が見つかりません（同じ名前のフォルダもありません）。リビジョン名（例: HEAD、HEAD~1、タグ名）かフォルダを確認してください。`);
  }
  return fromGit(git, top, ref, commit, dataDir);
}

function asFolder(dir: string): OldData {
  return { dir, source: `フォルダ ${dir}`, dispose: () => undefined };
}

function fromGit(git: Git, top: string, ref: string, commit: string, dataDir: string): OldData {
  const [short, day] = (git(["-C", top, "log", "-1", "--format=%h %cs", commit, "--"]) ?? commit.slice(0, 7)).split(" ");
  const rel = path.relative(top, path.resolve(dataDir)).split(path.sep).join("/") || ".";
  const temp = makeTempDir("old");
  try {
    const tar = execFileSync("git", ["-C", top, "archive", "--format=tar", commit, "--", rel], { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
    execFileSync("tar", ["-x", "-C", temp.dir], { input: tar });
  } catch {
    temp.dispose();
    throw new UsageError(`git のリビジョン「${ref}」（コミット ${short}）に ${rel}/ がありません。比べるリビジョンを確認してください。`);
  }
  return { dir: path.join(temp.dir, rel), source: `git の版 ${ref}（コミット ${short}${day ? `、${day}` : ""}）`, dispose: temp.dispose };
}

// The older side of a comparison: a folder of data, or the data/ folder at a git revision
// (extracted with `git archive` into a temporary folder, removed by dispose()).
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { dayLabel } from "../model/format.js";
import { makeTempDir } from "../write/temp-dirs.js";

/** A folder holding the older data, how to name it to readers, and how to clean it up. */
export interface OldData {
  dir: string;
  /** e.g. 「HEAD（令和8年11月20日のコミット 1a2b3c4）」 or 「フォルダ data-0901」 */
  label: string;
  dispose(): void;
}

/** `ref` itself if it is a folder, else the data folder as it was at git revision `ref`. */
export function resolveOldData(ref: string, dataDir: string): OldData {
  if (existsSync(ref) && statSync(ref).isDirectory()) {
    return { dir: path.resolve(ref), label: `フォルダ「${path.basename(path.resolve(ref))}」`, dispose: () => undefined };
  }
  const git = (args: string[], input?: Buffer) =>
    execFileSync("git", args, { input, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = git(["-C", dataDir, "rev-parse", "--show-toplevel"]).toString().trim();
  } catch {
    throw new UsageError(`「${ref}」というフォルダはなく、${dataDir} は git の管理下にもありません。比べる古いデータのフォルダか、git のリビジョン（HEAD など）を指定してください。`);
  }
  let commit: string;
  let when: string;
  try {
    [commit, when] = git(["-C", top, "log", "-1", "--format=%h %cs", `${ref}^{commit}`, "--"]).toString().trim().split(" ") as [string, string];
  } catch {
    throw new UsageError(`git のリビジョン「${ref}」が見つかりません。リビジョン名（例: HEAD、HEAD~1、タグ名）を確認してください。`);
  }
  const rel = path.relative(top, path.resolve(dataDir)).split(path.sep).join("/") || ".";
  const temp = makeTempDir("old");
  const out = temp.dir;
  const dispose = temp.dispose;
  try {
    const tar = git(["-C", top, "archive", "--format=tar", commit, "--", rel]);
    execFileSync("tar", ["-x", "-C", out], { input: tar });
  } catch {
    dispose();
    throw new UsageError(`git のリビジョン「${ref}」（${commit}）に ${rel}/ がありません。比べるリビジョンを確認してください。`);
  }
  return { dir: path.join(out, rel), label: `${ref}（${dayLabel(when)}のコミット ${commit}）`, dispose };
}

// Issue 12, git part: git receives only revisions. A name that looks like an option never reaches
// git (no file is created by `--output=FILE`), a name that is both a folder and a tag is refused
// saying which is which, and ./name or refs/tags/name say which one is meant.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveOldData } from "../../src/diff/load-revision.js";
import { UsageError } from "../../src/errors.js";
import { DATA } from "../helpers/data-copy.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let repo: string;
let data: string;
let commit: string;

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), "plan-press-git-"));
  data = path.join(repo, "data");
  cpSync(DATA, data, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { stdio: "pipe" }).toString().trim();
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=plan-press", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "第1版");
  git("tag", "shingikai-1");
  commit = git("rev-parse", "HEAD");
  // A folder with the same name as the tag, beside the data (where staff run plan-press).
  mkdirSync(path.join(repo, "shingikai-1"));
  cpSync(DATA, path.join(repo, "shingikai-1"), { recursive: true });
});

const cli = (args: string[]) => spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { cwd: repo, encoding: "utf8" });

describe("the older version's name", () => {
  it("never passes an option to git: --changes-since=--output=FILE and diff --from=--output=FILE create no file", () => {
    const target = path.join(repo, "injected");
    for (const args of [
      ["build", "--edition", "draft", `--changes-since=--output=${target}`, "--data", data, "--out", path.join(repo, "out", "d.pdf")],
      ["diff", `--from=--output=${target}`, "--to", data, "--out", path.join(repo, "out", "s.pdf")],
    ]) {
      const r = cli(args);
      expect(r.status, r.stderr).toBe(2);
      // Refused as an option value before git is ever asked.
      expect(r.stderr).toMatch(/--(changes-since|from) には、git のリビジョン/);
      expect(readdirSync(repo).filter((f) => f.startsWith("injected"))).toEqual([]);
    }
    expect(() => resolveOldData(`--output=${target}`, data)).toThrow(UsageError);
    expect(readdirSync(repo).filter((f) => f.startsWith("injected"))).toEqual([]);
  });

  it("refuses a name that is both a folder and a tag, saying which is which and how to choose", () => {
    const r = cli(["diff", "--from", "shingikai-1", "--to", "data", "--out", path.join(repo, "out", "s.pdf")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`フォルダ（${path.join(repo, "shingikai-1")}）`);
    expect(r.stderr).toContain(`git の版（refs/tags/shingikai-1、コミット ${commit.slice(0, 7)}）`);
    expect(r.stderr).toContain("./shingikai-1");
    expect(existsSync(path.join(repo, "out"))).toBe(false);
  });

  it("takes ./name as the folder and refs/tags/name as the tag", () => {
    const folder = resolveOldData(`./${path.relative(process.cwd(), path.join(repo, "shingikai-1"))}`, data);
    expect(folder.dir).toBe(path.join(repo, "shingikai-1"));
    expect(folder.source).toBe(`フォルダ ${path.join(repo, "shingikai-1")}`);
    const tag = resolveOldData("refs/tags/shingikai-1", data);
    try {
      expect(tag.source).toMatch(new RegExp(`^git の版 refs/tags/shingikai-1（コミット ${commit.slice(0, 7)}、\\d{4}-\\d{2}-\\d{2}）$`));
      expect(readFileSync(path.join(tag.dir, "edition.yaml"), "utf8")).toBe(readFileSync(path.join(DATA, "edition.yaml"), "utf8"));
    } finally {
      tag.dispose();
    }
    expect(existsSync(tag.dir)).toBe(false);
  });

  it("says in plain words when a name is neither, or a folder written as a path is missing", () => {
    expect(() => resolveOldData("no-such-tag", data)).toThrow(/git のリビジョン「no-such-tag」が見つかりません/);
    expect(() => resolveOldData("./no-such-folder", data)).toThrow(/フォルダ「\.\/no-such-folder」がありません/);
    expect(() => resolveOldData("  ", data)).toThrow(UsageError);
    const outside = mkdtempSync(path.join(tmpdir(), "plan-press-nogit-"));
    expect(() => resolveOldData("HEAD", outside)).toThrow(/git の管理下にもありません/);
  });
});

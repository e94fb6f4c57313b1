// Issue 12, output paths: plan-press writes and deletes only what it made. Each case gives the
// CLI the path exactly as typed (a trailing / reaches the check as typed), and checks that the
// refusal comes before anything is read (no 「データの読み込み」), says in Japanese which option
// and which path, and leaves every file it did not make byte-identical. The refusals call the
// CLI's own main() in this process (the same parsing, checks, messages and exit codes as
// bin/plan-press.js, without starting Node 30 times); the first case, the special files (a
// named pipe must never be opened: it would block) and the paths that are fine run the binary.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../src/cli.js";
import { DATA, dataCopy, smallPlan } from "./helpers/data-copy.js";
import { digests, previousBooklet } from "./helpers/previous-set.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const fresh = (name = "paths") => mkdtempSync(path.join(tmpdir(), `plan-press-${name}-`));

interface CliResult {
  status: number | null;
  stderr: string;
  stdout: string;
}

/** bin/plan-press.js in a process of its own. */
function binary(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { encoding: "utf8", cwd, timeout: 120_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** The CLI's main() in this process, its console output captured (the working folder is ROOT, as for binary()). */
async function cli(args: string[]): Promise<CliResult> {
  expect(process.cwd()).toBe(ROOT);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void stdout.push(`${a.join(" ")}\n`));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void stderr.push(`${a.join(" ")}\n`));
  try {
    const status = await main(args);
    return { status, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A refusal: exit 2, before the data is read, in Japanese, naming `mention`, no stack trace. */
function refused(r: CliResult, mention: RegExp | string): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^plan-press: /);
  expect(r.stderr).toMatch(mention);
  expect(r.stderr).not.toContain("データの読み込み");
  expect(r.stderr).not.toMatch(/予期しない|at .*\.js:\d+/);
}

describe("outputs that would overwrite the inputs", () => {
  const data = dataCopy();
  const before = JSON.stringify([digests(data), digests(path.join(data, "policies"))]);
  const unchanged = () => expect(JSON.stringify([digests(data), digests(path.join(data, "policies"))])).toBe(before);

  it("--out the plan's edition.yaml: refused as inside the data folder", () => {
    refused(binary(["build", "--data", data, "--out", path.join(data, "edition.yaml")]), /--out に指定した .*edition\.yaml は、データのフォルダ（.*）の中です/);
    unchanged();
  });

  it("a new PDF inside the data folder, by a path that climbs out and back, or by a link to it", async () => {
    refused(await cli(["build", "--data", data, "--out", path.join(data, "policies/../x.pdf")]), /データのフォルダ（.*）の中です/);
    const link = path.join(fresh(), "link");
    symlinkSync(data, link);
    refused(await cli(["build", "--data", data, "--out", `${link}/`]), /データのフォルダ（.*）の中です/);
    refused(await cli(["build", "--data", data, "--edition", "web", "--out", path.dirname(data)]), /の中に、データのフォルダ（.*）があります/);
    unchanged();
  });

  it("the folder compared with (--changes-since, diff --from/--to) is an input as well", async () => {
    const old = dataCopy();
    const oldBefore = digests(old);
    refused(await cli(["build", "--data", data, "--edition", "draft", "--changes-since", old, "--out", path.join(old, "draft.pdf")]), /--changes-since の比較元/);
    refused(await cli(["diff", "--from", old, "--to", data, "--out", `${data}/`]), /--to のデータのフォルダ/);
    refused(await cli(["diff", "--from", old, "--to", data, "--out", path.join(old, "t.pdf")]), /--from の比較元/);
    expect(digests(old)).toEqual(oldBefore);
    unchanged();
  });
});

describe("files plan-press did not make, and special files", () => {
  it("a web build into a folder of the user's own report-01.pdf … report-15.pdf, index.html and report.html", async () => {
    const dir = fresh();
    for (let i = 1; i <= 15; i++) writeFileSync(path.join(dir, `report-${String(i).padStart(2, "0")}.pdf`), `%PDF-1.4 the user's report ${i}`);
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>the user's index</title>");
    writeFileSync(path.join(dir, "report.html"), "<!doctype html><title>the user's report</title>");
    const before = digests(dir);
    refused(await cli(["build", "--edition", "web", "--out", path.join(dir, "report.pdf")]), /plan-press が作っていない.*index\.html、report-01\.pdf、.*ほか \d+ 件/);
    expect(digests(dir)).toEqual(before);
  });

  it("an existing file of the user's at --out, or at the HTML beside it", async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, "plan.pdf"), "%PDF-1.4 the user's own");
    refused(await cli(["build", "--out", path.join(dir, "plan.pdf")]), "plan.pdf は plan-press が作ったファイルではないため上書きしません。別の名前を指定するか、そのファイルを移してください。");
    const other = fresh();
    previousBooklet(other);
    writeFileSync(path.join(other, "action-plan.html"), "<p>the user's notes</p>");
    const before = digests(other);
    refused(await cli(["build", "--out", `${other}/`]), /action-plan\.html は plan-press が作ったファイルではない/);
    expect(digests(other)).toEqual(before);
  });

  it("a folder named action-plan.html beside the output: refused before the PDF is touched", async () => {
    const dir = fresh();
    previousBooklet(dir);
    const html = path.join(dir, "action-plan.html");
    rmSync(html);
    mkdirSync(html);
    const before = digests(dir);
    refused(await cli(["build", "--out", path.join(dir, "action-plan.pdf")]), /action-plan\.html と同じ名前のフォルダがあります/);
    expect(digests(dir)).toEqual(before);
  });

  it("a character device, a named pipe, a socket or a link at --out is never replaced", async () => {
    const dir = fresh();
    const targets: string[] = [];
    // A character device (as /dev/null); where the container forbids mknod, the other kinds still run.
    if (spawnSync("mknod", [path.join(dir, "device.pdf"), "c", "1", "3"]).status === 0) targets.push("device.pdf");
    expect(spawnSync("mkfifo", [path.join(dir, "fifo.pdf")]).status).toBe(0);
    targets.push("fifo.pdf");
    const server = createServer().listen(path.join(dir, "socket.pdf"));
    await new Promise((r) => server.once("listening", r));
    targets.push("socket.pdf");
    symlinkSync("/dev/null", path.join(dir, "link.pdf"));
    targets.push("link.pdf");
    try {
      for (const name of targets) {
        refused(binary(["build", "--out", path.join(dir, name)]), new RegExp(`${name.replace(".", "\\.")} は(デバイス|名前付きパイプ|ソケット|リンク)`));
      }
      const kinds = readdirSync(dir, { withFileTypes: true }).map((e) => `${e.name}:${e.isCharacterDevice() ? "c" : e.isFIFO() ? "p" : e.isSocket() ? "s" : e.isSymbolicLink() ? "l" : "f"}`);
      expect(kinds.sort()).toEqual(targets.map((n) => `${n}:${n[0] === "d" ? "c" : n[0] === "f" ? "p" : n[0] === "s" ? "s" : "l"}`).sort());
    } finally {
      server.close();
    }
  });

  it("another edition into the web edition's own folder: refused (the folder is replaced as a whole)", async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, ".plan-press.json"), JSON.stringify({ generator: "plan-press", version: "0.1.0", kind: "web", files: {} }));
    refused(await cli(["build", "--edition", "draft", "--out", `${dir}/`]), /は、ウェブ用のフォルダです/);
    expect(readdirSync(dir)).toEqual([".plan-press.json"]);
  });

  it("a link to a folder is that folder (the check passes on to the data, here broken)", async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, "real"));
    symlinkSync("real", path.join(dir, "link"));
    const data = dataCopy();
    writeFileSync(path.join(data, "edition.yaml"), "title: [\n");
    const r = await cli(["build", "--data", data, "--out", path.join(dir, "link")]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:1:\d+: エラー/);
    expect(readdirSync(path.join(dir, "real"))).toEqual([]);
  });

  it("kernel folders (/proc, /sys, /dev) are no place for a booklet", async () => {
    refused(await cli(["build", "--out", "/dev/"]), /システムの特別なフォルダ（\/dev）/);
    refused(await cli(["build", "--out", "/proc/action-plan.pdf"]), /システムの特別なフォルダ（\/proc）/);
  });

  it("pages --out a folder holding other files", async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, "page-001.png"), "the user's scan");
    writeFileSync(path.join(dir, "memo.txt"), "notes");
    const before = digests(dir);
    refused(await cli(["pages", "--pdf", path.join(DATA, "edition.yaml"), "--out", dir]), /plan-press pages が作ったもののほかにファイルがあります（memo\.txt）/);
    expect(digests(dir)).toEqual(before);
  });
});

describe("paths the file system rejects, and option values out of bounds", () => {
  const long = "あ".repeat(100); // 300 bytes: one name longer than Linux allows
  const file = path.join(fresh(), "a-file");
  writeFileSync(file, "x");

  it.each([
    [["build", "--out", `${long}.pdf`], /--out の名前が長すぎます（「あ+…」が 304 バイト/],
    [["build", "--out", `out/${"a/".repeat(2040)}x.pdf`], /--out の場所が長すぎます/],
    [["build", "--out", path.join(file, "x.pdf")], /--out の場所 .* を使えません（ENOTDIR）: .*a-file はフォルダではなくファイルです/],
    [["build", "--out", `${file}/`], /ENOTDIR/],
    [["build", "--data", long], /--data に指定したフォルダの名前が長すぎます/],
    [["build", "--data", path.join(file, "data")], /--data に指定したフォルダ .* の途中がフォルダではなくファイルです/],
    [["check", "--data", "/nonexistent-plan-press-data"], /--data に指定したフォルダ \/nonexistent-plan-press-data がありません/],
    [["build", "--timeout", "3000000"], /--timeout は 1〜3600 の秒数で指定してください（例: --timeout 300）。指定された値: 3000000/],
    [["build", "--timeout", "0"], /--timeout は 1〜3600/],
    [["build", "--timeout", "1e9"], /--timeout は 1〜3600/],
    [["diff", "--from", "HEAD", "--timeout", "-5"], /--timeout|オプションが正しくありません/],
    [["preview", "--port", "70000"], /--port は 0〜65535 の整数/],
    [["preview", "--port", "1e3"], /--port は 0〜65535 の整数/],
    [["diff", "--from=--output=/tmp/plan-press-git-output"], /--from には、git のリビジョン/],
    [["build", "--edition", "draft", "--changes-since=-p"], /--changes-since には、git のリビジョン/],
    [["build", "--browser-ws-endpoint", "http://example.com/"], /--browser-ws-endpoint には ws:\/\/… または wss:\/\/…/],
    [["build", "--edition", "x".repeat(5000)], /--edition の値が長すぎます/],
    [["build", "--edition", "y".repeat(1000)], /版「y+…（1000 文字）」はありません/],
  ].map(([args, message]) => [JSON.stringify(args).replace(/(.{1,2}?)\1{10,}/gu, "$1$1$1…"), args, message] as const))("%s is refused in plain words", async (_label, args, message) => {
    const started = performance.now();
    refused(await cli(args as string[]), message as RegExp);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(existsSync("/tmp/plan-press-git-output")).toBe(false);
  });
});

describe("paths that are fine", () => {
  it("--out DIR/ (a new folder) writes the booklet set inside it; a previous set of plan-press's is replaced, other files stay", () => {
    const dir = fresh();
    const next = path.join(dir, "new", "folder");
    // Where the set goes does not depend on the pages: a six-page booklet.
    const small = smallPlan();
    const r = binary(["build", "--data", small, "--out", `${next}/`]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(next).sort()).toEqual([".action-plan.pagination.json", "action-plan.html", "action-plan.pdf"]);
    expect(readFileSync(path.join(next, "action-plan.html"), "utf8")).toContain('<meta name="generator" content="plan-press ');
    // A set an earlier version made (no generator tag in its HTML) in a folder with the user's notes.
    const old = fresh();
    previousBooklet(old);
    writeFileSync(path.join(old, "action-plan.html"), '<!DOCTYPE html><html lang="ja"><head></head><body><h1 id="a" data-start="right"><span data-page-of="a">1</span></h1></body></html>');
    writeFileSync(path.join(old, "notes.txt"), "the user's notes");
    const again = binary(["build", "--data", small, "--out", old]);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(old, "notes.txt"), "utf8")).toBe("the user's notes");
    const pdf = readFileSync(path.join(old, "action-plan.pdf"), "latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).not.toContain("% previous booklet");
    expect(readFileSync(path.join(old, "action-plan.html"), "utf8")).toContain('<meta name="generator" content="plan-press ');
    expect(readdirSync(old).sort()).toEqual([".action-plan.pagination.json", "action-plan.html", "action-plan.pdf", "notes.txt"]);
  }, 480_000);
});

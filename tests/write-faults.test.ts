// Every multi-file write killed at every one of its steps (PLAN_PRESS_FAULT, a real SIGKILL of a
// real process): the previous set stays complete and byte-identical, or the next run completes
// the new one; never a mix, never a leftover, and nothing plan-press did not make is touched.
// The sets are written by the build's own write path with small stand-in files
// (helpers/commit-child.mjs); the end-to-end kills of real builds are in robustness.e2e.test.ts.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const CHILD = path.join(import.meta.dirname, "helpers/commit-child.mjs");
type Kind = "files" | "web" | "official";

function child(kind: Kind, out: string, generation: string, env: Record<string, string> = {}, mode?: "plan-only"): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CHILD, kind, out, generation, ...(mode ? [mode] : [])], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000,
  });
}

/** Every file under `dir` (hidden ones too) → its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.set(`${prefix}${e.name}`, createHash("sha256").update(readFileSync(path.join(d, e.name))).digest("hex"));
    }
  };
  walk(dir, "");
  return out;
}

const generationOf = (text: string) => /generation(?:=|":"|=")([a-z]+)/.exec(text)?.[1];

/** The booklet set in `dir`: every file present and of one generation; returns it. */
function filesGeneration(dir: string): string {
  const names = ["action-plan-print.pdf", "action-plan-print.html", ".action-plan-print.pagination.json", "action-plan-print-pdfx.pdf"];
  const generations = names.map((n) => generationOf(readFileSync(path.join(dir, n), "utf8")));
  expect(new Set(generations).size, `one generation: ${generations.join(",")}`).toBe(1);
  return generations[0]!;
}

/** The web folder: its manifest matches its files, index.html agrees with the PDFs, one generation. */
function webGeneration(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".plan-press.json"), "utf8")) as { files: Record<string, { sha256: string }> };
  const names = readdirSync(dir).filter((n) => n !== ".plan-press.json").sort();
  expect(Object.keys(manifest.files).sort()).toEqual(names);
  for (const name of names) expect(createHash("sha256").update(readFileSync(path.join(dir, name))).digest("hex")).toBe(manifest.files[name]!.sha256);
  const pdfs = names.filter((n) => n.endsWith(".pdf"));
  const generations = new Set(pdfs.map((n) => generationOf(readFileSync(path.join(dir, n), "latin1"))));
  const index = readFileSync(path.join(dir, "index.html"), "utf8");
  generations.add(/<title>計画 ([a-z]+)（PDF）<\/title>/.exec(index)?.[1]);
  expect([...generations]).toHaveLength(1);
  // The index announces the booklet's real page count, and lists each part with its real pages.
  const pages = (n: string) => Number(/pages=(\d+)/.exec(readFileSync(path.join(dir, n), "latin1"))![1]);
  expect(index).toContain(`${pages("action-plan.pdf")}ページ）`);
  for (const part of pdfs.filter((n) => /-\d{2}\.pdf$/.test(n))) expect(index).toContain(`href="${part}">`);
  return [...generations][0]!;
}

/** The steps of a write, as the write itself names them (PLAN_PRESS_FAULT=list). */
function steps(kind: Kind, env: Record<string, string> = {}): string[] {
  const { out } = previousSet(kind);
  const listed = child(kind, out, "new", { ...env, PLAN_PRESS_FAULT: "list" });
  return listed.stderr.split("\n").filter((l) => l.startsWith("plan-press-fault-point: ")).map((l) => l.slice(24));
}

/** Where the write of `kind` puts its set under `root`. */
const outIn = (kind: Kind, root: string) => (kind === "web" ? path.join(root, "web/") : path.join(root, "action-plan-print.pdf"));

/** An earlier set of each kind, written once by the real write; each case gets a copy (nothing in a set names its folder). */
const written = new Map<Kind, string>();

/** A folder with an earlier set (generation "old") and a file of the user's beside it. */
function previousSet(kind: Kind): { root: string; out: string; set: string } {
  let template = written.get(kind);
  if (!template) {
    template = mkdtempSync(path.join(tmpdir(), "plan-press-faults-old-"));
    const made = child(kind, outIn(kind, template), "old");
    if (made.status !== 0) throw new Error(`fixture: the previous set was not written: ${made.stderr}`);
    written.set(kind, template);
  }
  const root = mkdtempSync(path.join(tmpdir(), "plan-press-faults-"));
  cpSync(template, root, { recursive: true });
  writeFileSync(path.join(root, "report-01.pdf"), "the user's own file");
  return { root, out: outIn(kind, root), set: kind === "web" ? path.join(root, "web") : root };
}

/** Bytes of the complete new set, written without a fault. */
function newSet(kind: Kind): Map<string, string> {
  const root = mkdtempSync(path.join(tmpdir(), "plan-press-faults-new-"));
  const made = child(kind, outIn(kind, root), "new");
  if (made.status !== 0) throw new Error(`fixture: the new set was not written: ${made.stderr}`);
  return snapshot(kind === "web" ? path.join(root, "web") : root);
}

const leftovers = (root: string) => [...snapshot(root).keys()].filter((n) => n.includes("plan-press-") || n.includes(".tmp"));

const CASES: Array<{ kind: Kind; title: string; env: Record<string, string>; expected: string[] }> = [
  {
    kind: "files", title: "the print booklet, its HTML, hint and PDF/X", env: {},
    expected: ["files:temp:action-plan-print.pdf", "files:journal", "files:rename:.action-plan-print.pagination.json", "files:rename:action-plan-print.pdf", "files:done"],
  },
  { kind: "web", title: "the web folder (exchanged in one step)", env: {}, expected: ["web:stage:action-plan-01.pdf", "web:stage:index.html", "web:staged", "web:exchanged"] },
  {
    kind: "web", title: "the web folder (two renames, where the exchange is unavailable)", env: { PLAN_PRESS_FAULT_NO_EXCHANGE: "1" },
    expected: ["web:staged", "web:swap:journal", "web:swap:old-aside", "web:swap:new-in", "web:swap:done"],
  },
];

for (const c of CASES) {
  describe(`${c.title}, killed at every step`, () => {
    const all = steps(c.kind, c.env);
    const complete = newSet(c.kind);

    it("has its steps listed by the write itself", () => {
      for (const step of c.expected) expect(all).toContain(step);
    });

    for (const step of all) {
      it(`killed after ${step}: the previous set or (after the next run) the new one, never a mix`, () => {
        const { root, out, set } = previousSet(c.kind);
        const before = snapshot(set);
        const killed = child(c.kind, out, "new", { ...c.env, PLAN_PRESS_FAULT: step });
        expect(killed.signal, killed.stderr).toBe("SIGKILL");
        expect(readFileSync(path.join(root, "report-01.pdf"), "utf8")).toBe("the user's own file");

        const journal = c.kind === "web" ? path.join(root, ".web.plan-press-swap.json") : path.join(root, ".action-plan-print.plan-press-journal.json");
        const pending = existsSync(journal);
        if (!pending) {
          // Killed before the commit point or after the swap: a complete set, as it was or all new.
          const now = snapshot(set);
          const generation = c.kind === "web" ? webGeneration(set) : filesGeneration(set);
          const expected = generation === "old" ? before : complete;
          for (const [name, digest] of expected) expect(now.get(name), name).toBe(digest);
        }

        // The next run finishes or undoes what was cut short, and clears every leftover.
        const next = child(c.kind, out, "next", c.env, "plan-only");
        expect(next.status, next.stderr).toBe(0);
        const after = snapshot(set);
        const generation = c.kind === "web" ? webGeneration(set) : filesGeneration(set);
        if (pending && c.kind === "files") expect(generation).toBe("new"); // rolled forward
        const expected = generation === "old" ? before : complete;
        const ours = (names: Iterable<string>) => [...names].filter((n) => n !== "report-01.pdf").sort();
        expect(ours(after.keys())).toEqual(ours(expected.keys()));
        for (const [name, digest] of expected) expect(after.get(name), name).toBe(digest);
        expect(leftovers(root)).toEqual([]);
        expect(readFileSync(path.join(root, "report-01.pdf"), "utf8")).toBe("the user's own file");
      });
    }
  });
}

describe("a folder holding several editions' sets (output/)", () => {
  it("a print set cut short mid-rename is completed by the next run of another edition there, before temporary files are cleared", () => {
    const { root, out } = previousSet("files");
    const killed = child("files", out, "new", { PLAN_PRESS_FAULT: "files:rename:action-plan-print.html" });
    expect(killed.signal).toBe("SIGKILL");
    const next = child("official", path.join(root, "action-plan.pdf"), "next", {}, "plan-only");
    expect(next.status, next.stderr).toBe(0);
    expect(filesGeneration(root)).toBe("new");
    expect(leftovers(root)).toEqual([]);
  });
});

describe("a web folder of an earlier version (no manifest, no generator tags)", () => {
  function legacy(): { root: string; out: string; dir: string } {
    const { root, out, set } = previousSet("web");
    rmSync(path.join(set, ".plan-press.json"));
    for (const name of ["index.html", "action-plan.html"]) {
      const file = path.join(set, name);
      writeFileSync(file, readFileSync(file, "utf8").replace(/<meta name="generator" content="plan-press [^"]*">\n?/, ""));
    }
    return { root, out, dir: set };
  }

  it("is recognised by its files' content and replaced as a whole", () => {
    const { out, dir } = legacy();
    const r = child("web", out, "new");
    expect(r.status, r.stderr).toBe(0);
    expect(webGeneration(dir)).toBe("new");
  });

  it("holding one file of the user's, is refused and left as it was", () => {
    const { out, dir } = legacy();
    writeFileSync(path.join(dir, "action-plan-03.pdf"), "%PDF-1.4 the user's own, named like ours");
    const before = snapshot(dir);
    const r = child("web", out, "new");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("plan-press が作っていない（または作った後に変更された）ものがあります: action-plan-03.pdf。");
    expect(snapshot(dir)).toEqual(before);
  });

  it("a file of the new kind changed after plan-press wrote it is not plan-press's any more", () => {
    const { out, set } = previousSet("web");
    writeFileSync(path.join(set, "index.html"), readFileSync(path.join(set, "index.html"), "utf8").replace("</body>", "<p>edited by hand</p></body>"));
    const before = snapshot(set);
    const r = child("web", out, "new");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ものがあります: index.html。");
    expect(snapshot(set)).toEqual(before);
  });
});

describe("a write that fails part-way (an unwritable part, a full disk)", () => {
  for (const [kind, step] of [["web", "web:stage:action-plan-01.pdf"], ["files", "files:temp:action-plan-print.html"], ["web", "web:staged"]] as const) {
    it(`${kind}, failing at ${step}: said so, the previous set byte-identical, nothing left`, () => {
      const { root, out, set } = previousSet(kind);
      const before = snapshot(set);
      const failed = child(kind, out, "new", { PLAN_PRESS_FAULT: `${step}=error` });
      expect(failed.status).toBe(2);
      expect(failed.stderr).toMatch(/に書き込めません（EIO）: .*前回のファイルはそのままです。/);
      expect(snapshot(set)).toEqual(before);
      expect(leftovers(root)).toEqual([]);
    });
  }
});

describe("a first web build (no folder yet)", () => {
  it("killed before or after its rename: no folder or a complete one", () => {
    for (const step of ["web:staged", "web:renamed"]) {
      const root = mkdtempSync(path.join(tmpdir(), "plan-press-faults-first-"));
      mkdirSync(path.join(root, "keep"));
      const killed = child("web", path.join(root, "web/"), "new", { PLAN_PRESS_FAULT: step });
      expect(killed.signal).toBe("SIGKILL");
      if (existsSync(path.join(root, "web"))) expect(webGeneration(path.join(root, "web"))).toBe("new");
      else expect(step).toBe("web:staged");
      expect(child("web", path.join(root, "web/"), "next", {}, "plan-only").status).toBe(0);
      expect(leftovers(root)).toEqual([]);
    }
  });
});

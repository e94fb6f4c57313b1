// The plan declares what it holds (plan.yaml, each 政策's policies) and how the booklet is made of
// it (booklet.yaml): every data file is checked against the declarations both ways, and what
// nothing reads is named. Each case edits a fresh copy of the sample, as staff would.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkData } from "../src/build.js";
import { buildModel } from "../src/model/build-model.js";
import { dataCopy, edit, lineOf } from "./helpers/data-copy.js";

// Besides the SDG icons' notice, the progress report's notes on actuals of what a case removed
// (actuals/*.yaml, tested with the report) are not what these cases are about.
const problems = (dir: string, severity: "error" | "warning") =>
  checkData(dir).diagnostics.filter((d) => d.severity === severity && !d.file.includes("sdgs-icons") && !/[\\/]actuals[\\/]/.test(d.file))
    .map((d) => ({ file: d.file.split(/[\\/]data[\\/]|^data[\\/]/).pop()!, line: d.line, message: d.message, hint: d.hint }));

describe("files against declarations", () => {
  it("a deleted 重点施策 is an error where its 政策 declares it", () => {
    const dir = dataCopy();
    rmSync(path.join(dir, "policies/4-4.yaml"));
    expect(problems(dir, "error")).toEqual([
      expect.objectContaining({ file: "policy-areas/4.yaml", line: lineOf(dir, "policy-areas/4.yaml", '"4-4"'), message: "重点施策 4-4 のファイル policies/4-4.yaml がありません" }),
    ]);
  });

  it("a file saved as .yml: the declared .yaml is missing, and the .yml is named with the fix", () => {
    const dir = dataCopy();
    renameSync(path.join(dir, "policies/4-4.yaml"), path.join(dir, "policies/4-4.yml"));
    expect(problems(dir, "error").map((p) => p.message)).toEqual(["重点施策 4-4 のファイル policies/4-4.yaml がありません"]);
    expect(problems(dir, "warning")).toEqual([
      expect.objectContaining({ file: "policies/4-4.yml", message: "このファイルは読み込まれません（冊子に使われません）", hint: "拡張子を .yaml にしてください（4-4.yaml）。" }),
    ]);
  });

  it("an unknown text, an unknown folder and a stray file are each named; an undeclared project is an error", () => {
    const dir = dataCopy();
    writeFileSync(path.join(dir, "text/greeting.md"), "# 市長あいさつ\n\n本文\n");
    mkdirSync(path.join(dir, "photos"));
    writeFileSync(path.join(dir, "memo.txt"), "メモ");
    writeFileSync(path.join(dir, ".DS_Store"), "");
    edit(dir, "plan.yaml", "projects: [1, 2, 3, 4, 5]", "projects: [1, 2, 3, 4]");
    expect(problems(dir, "warning").map((p) => [p.file, p.message])).toEqual([
      ["memo.txt", "このファイルは読み込まれません（冊子に使われません）"],
      ["photos", "このフォルダは読み込まれません（冊子に使われません）"],
      ["text/greeting.md", "この文章は booklet.yaml のどこにも置かれていません（冊子に載りません）"],
    ]);
    // Project 5 is linked from 方針 too: those links are errors as well, each at its place.
    const errors = problems(dir, "error");
    expect(errors[0]).toMatchObject({ file: "projects/5.yaml", message: "重点プロジェクト 5 は plan.yaml の projects に書かれていません（このままでは冊子に載りません）" });
    expect(errors.slice(1).every((e) => e.message === "重点プロジェクト 5 がありません")).toBe(true);
  });

  it("a 重点施策 declared by two 政策, or by a 政策 whose number it does not start with", () => {
    const dir = dataCopy();
    edit(dir, "policy-areas/5.yaml", 'policies: ["5-1"', 'policies: ["4-4", "5-1"');
    expect(problems(dir, "error").map((p) => [p.file, p.message])).toEqual([
      ["policy-areas/5.yaml", "重点施策 4-4 は " + path.join(dir, "policy-areas/4.yaml").replace(process.cwd() + path.sep, "") + " にも書かれています"],
    ]);
  });

  it("booklet.yaml: a missing text, a part placed twice, the cover not first, and parts without data", () => {
    const dir = dataCopy();
    edit(dir, "booklet.yaml", "      - text: management", "      - text: managment\n      - period-chart");
    edit(dir, "booklet.yaml", "parts:\n  - cover\n  - toc", "parts:\n  - toc\n  - cover");
    expect(problems(dir, "error").map((p) => p.message)).toEqual([
      "表紙（cover）は冊子の最初に置きます",
      "文章のファイル text/managment.md がありません",
      "「計画の期間の図（edition.yaml の期間から）」が2回置かれています（最初は parts[2].contents[2]）",
    ]);
    // text/management.md is now placed nowhere: said, not silently dropped.
    expect(problems(dir, "warning").map((p) => [p.file, p.message])).toContainEqual(["text/management.md", "この文章は booklet.yaml のどこにも置かれていません（冊子に載りません）"]);
  });

  it("a plan without districts: the declared district parts are left out with a warning, and no chapter prints empty", () => {
    const dir = dataCopy();
    rmSync(path.join(dir, "districts"), { recursive: true });
    rmSync(path.join(dir, "maps"), { recursive: true });
    edit(dir, "plan.yaml", /\ndistricts: \[[^\]]*\]\n/, "\n");
    edit(dir, "plan.yaml", /\ndistrictMap: .*\n/, "\n");
    const warnings = problems(dir, "warning").map((p) => p.message);
    expect(warnings).toEqual([
      "「地区の区分の図（地区の模式図）」に載せるデータがないため、この部分は印刷しません",
      "「地区ごとのページ」に載せるデータがないため、この部分は印刷しません",
    ]);
    const booklet = buildModel(checkData(dir).data!, { sdgIcon: () => undefined });
    const chapter = booklet.toc.find((c) => c.title === "地区別計画")!;
    // The chapter keeps its purpose text, and no district, map or empty heading.
    expect(chapter.children.map((c) => c.title)).toEqual(["地区別計画の目的"]);
  });
});

describe("folders that are not a plan, and plans in the old format", () => {
  it("--data pointing at a folder that is not a plan gets one clear error", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "not-a-plan-"));
    writeFileSync(path.join(dir, "notes.md"), "# メモ\n");
    const { diagnostics } = checkData(dir);
    expect(diagnostics.map((d) => d.message)).toEqual(["このフォルダは計画のデータではありません（edition.yaml、plan.yaml、booklet.yaml などがありません）"]);
    expect(checkData(path.join(dir, "missing")).diagnostics.map((d) => d.message)).toEqual(["データのフォルダがありません"]);
  });

  it("a plan in the format before plan.yaml says which files to add and which line to change", () => {
    const dir = dataCopy();
    rmSync(path.join(dir, "plan.yaml"));
    rmSync(path.join(dir, "booklet.yaml"));
    edit(dir, "districts/kita.yaml", "id: kita\n", "id: kita\norder: 1\n");
    const errors = problems(dir, "error").sort((a, b) => a.file.localeCompare(b.file));
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      ["booklet.yaml", "ファイルがありません"],
      ["districts/kita.yaml", "「order」という項目はありません"],
      ["plan.yaml", "ファイルがありません"],
    ]);
    expect(errors[0]!.hint).toContain("冊子の構成");
    expect(errors[1]!.hint).toContain("plan.yaml の districts の順");
    expect(errors[2]!.hint).toContain("計画の構成");
  });
});

describe("inputs that hang, crash or swell (robustness)", () => {
  it("a FIFO, a 900,000-item list and a 100,000-line text are refused at once, each with its file", () => {
    const dir = dataCopy();
    execFileSync("mkfifo", [path.join(dir, "policies/9-9.yaml")]);
    edit(dir, "policies/1-1.yaml", "sdgs: [1, 3, 4, 5]", `sdgs: [${Array(900_000).fill(3).join(",")}]`);
    writeFileSync(path.join(dir, "text/purpose.md"), "# 計画の目的\n" + "本文です。\n".repeat(100_000));
    const started = performance.now();
    const errors = problems(dir, "error").sort((a, b) => a.file.localeCompare(b.file));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      ["policies/1-1.yaml", expect.stringMatching(/^一覧の項目が多すぎます（約 90\d,\d{3} 件。上限 1,000 件）$/)],
      ["policies/9-9.yaml", "ファイルであるべき場所が名前付きパイプ（FIFO）になっています"],
      ["text/purpose.md", "文章が長すぎます（600,008 文字、100,002 行。上限は 60,000 文字、2,000 行）"],
    ]);
  });

  it("a 政策 colour too light for white text is refused with its ratio", () => {
    const dir = dataCopy();
    edit(dir, "policy-areas/3.yaml", 'color: "#8a6400"', 'color: "#f0c000"');
    expect(problems(dir, "error").map((e) => e.message)).toEqual([
      expect.stringMatching(/^政策の色 #f0c000 は明暗比が 1\.\d:1 で、白い文字や白い紙の上の文字が読みにくくなります（4\.5:1 以上必要）$/),
    ]);
  });
});

// Broken copies of the shipped data, one rule each, with the exact message staff will read.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkData } from "../src/build.js";
import { parse } from "yaml";
import { formatDiagnostic, type Diagnostic } from "../src/validate/diagnostic.js";
import { TERM_DEFAULTS } from "../src/validate/terms.js";
import { DATA, dataCopy, edit, fixtureCopy, lineOf } from "./helpers/data-copy.js";

function check(file: string, from: string | RegExp, to: string) {
  const dir = dataCopy();
  edit(dir, file, from, to);
  const result = checkData(dir);
  const mine = result.diagnostics.filter((d) => d.file.endsWith(file));
  return { dir, result, errors: mine.filter((d) => d.severity === "error"), warnings: mine.filter((d) => d.severity === "warning") };
}

const where = (d: Diagnostic) => `${d.line}:${d.column} ${d.field}`;

describe("plan-press check on the shipped data", () => {
  it("passes with no error, and warns only that the official SDG icons are not yet in place", () => {
    const result = checkData(DATA);
    expect(result.diagnostics.map((d) => d.en)).toEqual(["official SDG icon files missing; placeholders printed"]);
    expect(result.data?.policies).toHaveLength(34);
    expect(result.data?.projects).toHaveLength(5);
    expect(result.data?.policyAreas).toHaveLength(7);
  });
});

describe("broken copies are refused with file, line and field", () => {
  it("malformed YAML", () => {
    const { result, errors, dir } = check("policies/1-1.yaml", "title: 子どもを産み育てる環境づくりの推進", "title: [子どもを");
    expect(result.data).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe("YAML の書き方に誤りがあります（BAD_INDENT）");
    // Where the bracket was opened, not where the parser gave up (the next key).
    expect(errors[0]!.line).toBe(lineOf(dir, "policies/1-1.yaml", "title: [子どもを"));
    expect(errors[0]!.column).toBe(8);
    expect(errors[0]!.hint).toContain("括弧や引用符");
  });

  it("an unclosed quote, and a missing space after a colon, each with its own fix", () => {
    const quote = check("policies/2-1.yaml", /^vision: >-$/m, 'vision: "閉じ忘れ');
    expect(quote.errors[0]).toMatchObject({ line: lineOf(quote.dir, "policies/2-1.yaml", 'vision: "'), column: 9 });
    expect(quote.errors[0]!.hint).toContain("引用符");
    const colon = check("policies/2-1.yaml", /^title: /m, "title:");
    expect(colon.errors[0]!.line).toBe(lineOf(colon.dir, "policies/2-1.yaml", "title:"));
    expect(colon.errors[0]!.hint).toContain("コロン（:）の後に半角スペース");
  });

  it("an unknown project in a 方針's link", () => {
    const { errors, dir } = check("policies/1-2.yaml", "{ project: 1, basicDirection: 2 }", "{ project: 9, basicDirection: 2 }");
    expect(errors.map((d) => d.message)).toEqual(["重点プロジェクト 9 がありません"]);
    expect(errors[0]!.hint).toBe("projects/ にある番号（1、2、3、4、5）を書いてください。");
    expect(where(errors[0]!)).toBe(`${lineOf(dir, "policies/1-2.yaml", "project: 9")}:20 directions[0].projects[0].project`);
  });

  it("a basic direction the project does not have", () => {
    const { errors } = check("policies/1-2.yaml", "{ project: 1, basicDirection: 2 }", "{ project: 1, basicDirection: 7 }");
    expect(errors.map((d) => d.message)).toEqual(["重点プロジェクト 1 に基本的方向 7 はありません（1〜3）"]);
  });

  it("a missing 目指す姿", () => {
    const { errors } = check("policies/1-3.yaml", /\nvision: >-\n(  .*\n)+/, "\n");
    expect(errors.map((d) => [d.field, d.message, d.hint])).toEqual([
      ["vision", "「目指す姿」がありません", "vision: を追加してください（目指す姿（5年後の市の姿））。"],
    ]);
  });

  it("a string where a number belongs", () => {
    const { errors, dir } = check("policies/1-1.yaml", "value: 212", "value: 二百十二");
    expect(errors.map((d) => [where(d), d.message])).toEqual([
      [`${lineOf(dir, "policies/1-1.yaml", "二百十二")}:28 directions[0].indicators[1].baseline.value`, "「値」は数値で書きます。いまの値:「二百十二」"],
    ]);
  });

  it("an issue date that does not exist", () => {
    expect(check("edition.yaml", "date: 2024-10-01", "date: 2026-13-45").errors.map((d) => [d.field, d.message])).toEqual([
      ["date", "「発行日」が実在しない日付です。いまの値:「2026-13-45」"],
    ]);
  });

  it("a year that is not a year, and a target year outside the plan period", () => {
    expect(check("policies/1-1.yaml", "year: 令和5年度", "year: 昨年度").errors[0]!.message).toBe("「基準となる年度」を年度として読めません。いまの値:「昨年度」");
    const { errors } = check("policies/1-1.yaml", "target: { value: 400, year: 令和11年度 }", "target: { value: 400, year: 令和13年度 }");
    expect(errors.map((d) => d.message)).toEqual(["目標値の年度（2031年度）が計画期間（2025〜2029年度）の外です"]);
  });

  it("an SDG goal outside 1–17, an unknown related plan, a bad direction word, a misspelt field", () => {
    expect(check("policies/1-1.yaml", "sdgs: [1, 3, 4, 5]", "sdgs: [1, 3, 4, 18]").errors.map((d) => d.message)).toEqual(["SDGs のゴール番号「18」はありません"]);
    expect(check("policies/1-1.yaml", "relatedPlans: [kodomo, chiiki-fukushi]", "relatedPlans: [kodomo, unknown-plan]").errors.map((d) => d.message)).toEqual([
      "個別計画「unknown-plan」が related-plans.yaml にありません",
    ]);
    expect(check("policies/1-1.yaml", "direction: 増加", "direction: 上昇").errors.map((d) => [d.message, d.hint])).toEqual([
      ["「目指す方向」に「上昇」は使えません", "次のいずれかを書いてください: 増加／減少／維持"],
    ]);
    expect(check("policies/1-1.yaml", "cumulative: false", "cumulatve: false").errors.map((d) => d.message)).toEqual([
      "「累計値の指標なら true」がありません",
      "「cumulatve」という項目はありません",
    ]);
  });

  it("an empty 現状と課題; a 重点施策 without 施策の展開方針 and a 方針 without 事業 are allowed (nothing printed for them)", () => {
    expect(check("policies/3-1.yaml", /\ndirections:\n[\s\S]*?\nsdgs:/, "\ndirections: []\nsdgs:").errors).toEqual([]);
    expect(check("policies/1-1.yaml", /    programs:\n(      .*\n)+?    indicators:/, "    programs: []\n    indicators:").errors).toEqual([]);
    expect(check("policies/1-1.yaml", /issues: \|\n(  .*\n|\n)+?directions:/, 'issues: ""\ndirections:').errors.map((d) => [d.field, d.message])).toEqual([
      ["issues", "「現状と課題」が空です"],
    ]);
  });

  it("a 重点施策 no 政策 declares, and two districts claiming the same map cell", () => {
    const dir = dataCopy();
    writeFileSync(`${dir}/policies/9-1.yaml`, readFileSync(`${dir}/policies/1-1.yaml`, "utf8").replace('id: "1-1"', 'id: "9-1"').replaceAll("kpi-1-1-", "kpi-9-1-").replace("[[図 births]]", ""));
    const cell = /cells: \[\s*"?([A-L]\d+)/.exec(readFileSync(`${dir}/districts/kita.yaml`, "utf8"))![1]!;
    edit(dir, "districts/minami.yaml", /cells: \[/, `cells: [${cell}, `);
    const errors = checkData(dir).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file.replace(/^.*\/data\//, ""), d.message]).sort()).toEqual([
      ["districts/minami.yaml", `模式図のマス ${cell} は 北地区 と重なっています`],
      ["policies/9-1.yaml", "重点施策 9-1 は、どの政策の policies にも書かれていません（このままでは冊子に載りません）"],
    ]);
  });

  it("duplicate ids and an id that does not match its file name", () => {
    expect(check("policies/1-4.yaml", 'id: "1-4"', 'id: "1-3"').errors.map((d) => d.message)).toEqual([
      expect.stringMatching(/^重点施策の番号「1-3」が .*policies\/1-3\.yaml と重複しています$/),
      "重点施策の番号「1-3」とファイル名「1-4」が一致しません",
    ]);
  });

  it("a character the fonts lack is an error naming the character and its place", () => {
    const { errors, dir } = check("policies/1-1.yaml", "vision: >-\n", "vision: >-\n  𠮷野家の\n");
    expect(errors.map((d) => [where(d), d.message])).toEqual([
      [`${lineOf(dir, "policies/1-1.yaml", "𠮷")}:3 vision`, "文字「𠮷」（U+20BB7）は冊子のフォント（BIZ UDPGothic・BIZ UDPMincho）にないため印刷できません"],
    ]);
  });

  it("every problem at once, not only the first", () => {
    const dir = dataCopy();
    edit(dir, "policies/2-1.yaml", /\nvision: >-\n(  .*\n)+/, "\n");
    edit(dir, "policies/5-1.yaml", "sdgs: [", "sdgs: [99, ");
    edit(dir, "projects/2.yaml", "name: 産業活性化プロジェクト", "name: 産業活性化プロジェクト\nextra: 1");
    const { diagnostics } = checkData(dir);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.file.split("/data/")[1]).sort()).toEqual(["policies/2-1.yaml", "policies/5-1.yaml", "projects/2.yaml"]);
    // A file whose shape is wrong says that its links to other files are not checked yet.
    const pending = diagnostics.filter((d) => d.en.startsWith("references of this file")).map((d) => d.file.split("/data/")[1]).sort();
    expect(pending).toEqual(["policies/2-1.yaml", "projects/2.yaml"]);
  });
});

describe("text hygiene warns and normalises, and the data stays usable", () => {
  it("a pasted line full of radical code points", () => {
    const { result, errors, warnings, dir } = check("policies/1-1.yaml", "title: 子どもを産み育てる環境づくりの推進", "title: ⼦どもを産み育てる環境づくりの推進（⻑期・市⺠）");
    expect(errors).toEqual([]);
    expect(warnings.map((d) => [d.line, d.message])).toEqual([
      [lineOf(dir, "policies/1-1.yaml", "title:"), "「⼦」U+2F26 → 「子」: 部首の文字（康熙部首・CJK部首補助）を通常の漢字に置き換えました"],
      [lineOf(dir, "policies/1-1.yaml", "title:"), "「⻑」U+2ED1 → 「長」: 部首の文字（康熙部首・CJK部首補助）を通常の漢字に置き換えました"],
      [lineOf(dir, "policies/1-1.yaml", "title:"), "「⺠」U+2EA0 → 「民」: 部首の文字（康熙部首・CJK部首補助）を通常の漢字に置き換えました"],
    ]);
    expect(result.data!.policies[0]!.title).toBe("子どもを産み育てる環境づくりの推進（長期・市民）");
  });

  it("full-width digits in a number field", () => {
    const { result, warnings } = check("policies/1-1.yaml", "value: 400", "value: ４００");
    expect(warnings.map((d) => [d.field, d.message])).toEqual([
      ["directions[0].indicators[1].target.value", "全角数字「４００」を数値 400 として読み取りました"],
    ]);
    expect(result.data!.policies[0]!.directions[0]!.indicators[1]!.target.value).toBe(400);
  });

  it("platform-dependent characters, half-width kana and invisible characters", () => {
    const { warnings, result } = check("policies/1-1.yaml", "name: 産後ケア事業", "name: 産後ｹｱ事業①\u200b");
    expect(warnings.map((d) => d.en)).toEqual([
      "halfwidth-kana character U+FF79 replaced",
      "halfwidth-kana character U+FF71 replaced",
      "platform-dependent character U+2460 replaced",
      "invisible character U+200B replaced",
    ]);
    expect(result.data!.policies[0]!.directions[0]!.programs[1]!.name).toBe("産後ケア事業（1）");
  });
});

describe("things YAML and Markdown allow but plan data does not", () => {
  it("a YAML tag (!include …) is an error at its place, not a silently read string", () => {
    const { errors, dir } = check("policies/2-2.yaml", /^title: .*$/m, "title: !include /etc/passwd");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: lineOf(dir, "policies/2-2.yaml", "!include"), message: "YAML のタグ（! で始まる語）は使えません" });
  });

  it("HTML in a prose file is a warning at its place: it will be printed as typed", () => {
    const { warnings, result, dir } = check("text/purpose.md", "\n\n", "\n\n<b>重要</b>\n\n");
    expect(result.data).toBeDefined();
    expect(warnings).toEqual([expect.objectContaining({ line: lineOf(dir, "text/purpose.md", "<b>"), message: "HTML のタグ「<b>」は使えません（文字としてそのまま印刷されます）" })]);
  });
});

describe("the editor schema", () => {
  it("schema/*.json are generated from the one zod schema and up to date (run plan-press schema)", async () => {
    const { jsonSchemas } = await import("../src/validate/json-schema.js");
    const { readFileSync } = await import("node:fs");
    for (const { file, schema } of jsonSchemas()) {
      expect(JSON.parse(readFileSync(new URL(`../schema/${file}`, import.meta.url), "utf8")), file).toEqual(schema);
    }
  });

  it("every data file names its schema on its first line, so VS Code completes and flags fields", async () => {
    const { readFileSync, readdirSync, existsSync } = await import("node:fs");
    const path = await import("node:path");
    const expected: Record<string, string> = { "policy-areas": "policy-area", policies: "policy", projects: "project", districts: "district" };
    const files = ["edition.yaml", "plan.yaml", "booklet.yaml", "sdgs.yaml", "related-plans.yaml", ...Object.keys(expected).flatMap((d) => readdirSync(path.join(DATA, d)).map((f) => `${d}/${f}`))];
    for (const f of files) {
      const first = readFileSync(path.join(DATA, f), "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const target = path.resolve(path.dirname(path.join(DATA, f)), m![1]!);
      expect(existsSync(target), f).toBe(true);
      const kind = f.includes("/") ? expected[f.split("/")[0]!] : f.replace(".yaml", "");
      expect(path.basename(target), f).toBe(`${kind}.schema.json`);
    }
  });
});

describe("files that are not plan data are refused in bounded time, each with its own message", () => {
  it("nesting bombs, alias bombs, empty files, folders, binary garbage; BOM and CRLF are fine", async () => {
    const { writeFileSync, mkdirSync, rmSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const dir = dataCopy();
    const p = (f: string) => path.join(dir, "policies", f);
    writeFileSync(p("1-1.yaml"), `id: ${"[".repeat(20000)}${"]".repeat(20000)}`);
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 10; i++) bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]\n`;
    writeFileSync(p("1-2.yaml"), bomb);
    writeFileSync(p("1-3.yaml"), "");
    rmSync(p("1-4.yaml"));
    mkdirSync(p("1-4.yaml"));
    writeFileSync(p("1-5.yaml"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x41]));
    writeFileSync(p("2-1.yaml"), "\uFEFF" + readFileSync(path.join(DATA, "policies/2-1.yaml"), "utf8").replace(/\n/g, "\r\n"));
    const started = performance.now();
    const messages = Object.fromEntries(
      checkData(dir).diagnostics.filter((d) => d.severity === "error").map((d) => [path.basename(d.file), d.message]),
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(messages).toEqual({
      "1-1.yaml": "入れ子が深すぎます（33 段以上）",
      "1-2.yaml": "YAML のエイリアス（& と *）が多すぎるか、読み込めない構造です",
      "1-3.yaml": "ファイルが空です",
      "1-4.yaml": "ファイルであるべき場所がフォルダになっています",
      "1-5.yaml": "テキストファイルではありません（バイナリデータが含まれています）",
    });
  });
});

describe("a plan with its own terms (tests/fixtures/midorino: 基本目標, 基本施策, 取組, 目標指標, リーディングプロジェクト)", () => {
  it("is told about its data in its own words, in the messages, the fixes and the fields", () => {
    const dir = fixtureCopy();
    edit(dir, "policies/1-1.yaml", "- { project: 1, basicDirection: 1 }", "- { project: 9, basicDirection: 1 }");
    edit(dir, "policies/1-2.yaml", /^id: "1-2"$/m, 'id: "1-9"');
    writeFileSync(`${dir}/policy-areas/1.yaml`, `${readFileSync(`${dir}/policy-areas/1.yaml`, "utf8")}color: "#ffee00"\n`);
    // An error in a file's shape, named by the schema's description of the field (in a copy of
    // its own: a file that cannot be read leaves the links into its kind unchecked).
    const shape = fixtureCopy();
    edit(shape, "policy-areas/2.yaml", /^id: 2$/m, 'id: "二"');
    const diagnostics = [...checkData(dir).diagnostics, ...checkData(shape).diagnostics];
    // Every term resolved where the validation made the message (not only when printed).
    expect(diagnostics.filter((d) => /[\uE000\uE001]/.test(`${d.message}${d.hint}${d.place}`))).toEqual([]);
    const printed = diagnostics.map(formatDiagnostic).join("\n");
    expect(printed).toContain("［取組1 › リーディングプロジェクトの対応（1番目） › プロジェクト番号］ リーディングプロジェクト 9 がありません");
    expect(printed).toContain("基本施策 1-9 は、どの基本目標の policies にも書かれていません");
    expect(printed).toContain("policy-areas/ の基本目標のファイルの policies に 1-9 を加えるか");
    expect(printed).toContain("基本施策の番号「1-9」とファイル名「1-2」が一致しません");
    expect(printed).toContain("基本目標の色 #ffee00 は明暗比が");
    expect(printed).toMatch(/「基本目標番号」は/);
    // None of the sample's words for any term this plan calls otherwise.
    const own = parse(readFileSync(`${dir}/plan.yaml`, "utf8")).terms as Record<string, string>;
    const sampleWords = Object.keys(own).map((k) => TERM_DEFAULTS[k as keyof typeof TERM_DEFAULTS]).filter((w) => !Object.values(own).some((o) => o.includes(w)));
    expect(sampleWords.length).toBeGreaterThan(8);
    for (const word of sampleWords) expect(printed, word).not.toContain(word);
  });
});

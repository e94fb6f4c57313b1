// The sample is one customer's content: nothing in src/, templates/ or styles/ may name its city,
// its plan, its 政策, projects or districts, or hard-code how many of them there are.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkData } from "../src/build.js";
import { DATA } from "./helpers/data-copy.js";

const ROOT = path.resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|hbs|css|yaml|md|json)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("code, templates and styles are any plan's", () => {
  const sources = ["src", "templates", "styles"].flatMap(files).map((f) => ({ file: path.relative(ROOT, f), text: readFileSync(f, "utf8") }));

  it("name nothing of the sample plan: its city, title, vision, 政策, 重点施策, projects or districts", () => {
    const data = checkData(DATA).data!;
    const names = [
      data.edition.city, data.edition.city.replace(/市$/, ""), data.edition.title, data.edition.futureVision, data.edition.subtitle, "いせさき", "Isesaki",
      ...data.policyAreas.map((a) => a.name), ...data.policies.map((p) => p.title), ...data.projects.map((p) => p.name),
      ...data.districts.map((d) => d.name), ...data.relatedPlans.map((p) => p.name),
    ].filter((n) => n.length >= 2);
    expect(names.length).toBeGreaterThan(50);
    const hits = sources.flatMap(({ file, text }) => names.filter((n) => text.toLowerCase().includes(n.toLowerCase())).map((n) => `${file}: ${n}`));
    expect(hits).toEqual([]);
  });

  it("count nothing: no 「7つの政策」, 「34の重点施策」 or 第N章 written into a template", () => {
    const counted = /(?<![0-9０-９])([2-9２-９]|[1-9１-９][0-9０-９]+)つ?の(政策|重点施策|重点プロジェクト|地区|施策)/;
    const hits = sources.filter(({ text }) => counted.test(text)).map(({ file }) => file);
    expect(hits).toEqual([]);
    const chapters = sources.filter(({ file, text }) => file.endsWith(".hbs") && /第[0-9０-９]+章/.test(text)).map(({ file }) => file);
    expect(chapters).toEqual([]);
  });
});

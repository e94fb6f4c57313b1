import { describe, expect, it } from "vitest";
import { fieldJa, formatDiagnostic, inPlanTerms } from "../../src/validate/diagnostic.js";
import { T } from "../../src/validate/in-terms.js";
import { TERM_DEFAULTS } from "../../src/validate/terms.js";

describe("how a problem is printed for staff", () => {
  it("names fields in Japanese and counts list items from 1, as printed", () => {
    expect(fieldJa("directions[2].indicators[0].target.value")).toBe("方針3 › 成果指標1 › 目標値 › 値");
    expect(fieldJa("sdgs[3]")).toBe("SDGs（4番目）");
    expect(fieldJa("vision")).toBe("目指す姿");
  });

  it("puts file:line:column first, then the field, the message, the fix and an English line", () => {
    const text = formatDiagnostic({
      severity: "error", file: "data/policies/3-2.yaml", line: 94, column: 26,
      field: "directions[2].indicators[0].target.value", message: "「値」は数値で書きます。いまの値:「八十五」",
      hint: "半角数字だけで書いてください（単位は unit に書きます）。", en: "number",
    });
    expect(text).toBe(
      "data/policies/3-2.yaml:94:26: エラー: ［方針3 › 成果指標1 › 目標値 › 値］ 「値」は数値で書きます。いまの値:「八十五」\n" +
        "    直し方: 半角数字だけで書いてください（単位は unit に書きます）。\n" +
        "    (error at directions[2].indicators[0].target.value: number)",
    );
  });

  it("names fields and kinds in the plan's terms, and a name from the data never", () => {
    const terms = { ...TERM_DEFAULTS, directionShort: "取組", indicator: "目標指標", policy: "基本施策" };
    expect(fieldJa("directions[2].indicators[0].target.value", terms)).toBe("取組3 › 目標指標1 › 目標値 › 値");
    const [d] = inPlanTerms([{
      severity: "error", file: "data/policies/1-1.yaml", line: 1, column: 1, field: "directions[0].title",
      message: `${T.policy}「重点施策の推進」の名称が長すぎます`, hint: `${T.policy}の名称を短くしてください。`, en: "long",
    }], terms);
    expect(formatDiagnostic(d!)).toBe(
      "data/policies/1-1.yaml:1:1: エラー: ［取組1 › 名称］ 基本施策「重点施策の推進」の名称が長すぎます\n" +
        "    直し方: 基本施策の名称を短くしてください。\n" +
        "    (error at directions[0].title: long)",
    );
    // A diagnostic made outside the validation is printed in the default terms.
    expect(formatDiagnostic({ ...d!, place: undefined, message: `${T.project} 9 がありません` })).toContain("［方針1 › 名称］ 重点プロジェクト 9 がありません");
  });
});

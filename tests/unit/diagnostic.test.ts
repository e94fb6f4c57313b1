import { describe, expect, it } from "vitest";
import { fieldJa, formatDiagnostic } from "../../src/validate/diagnostic.js";

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
});

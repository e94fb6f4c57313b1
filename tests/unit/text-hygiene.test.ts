import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/load/text-hygiene.js";

describe("cleanText", () => {
  it("replaces Kangxi radicals and CJK Radicals Supplement forms NFKC leaves alone", () => {
    // ⼦ U+2F26 (Kangxi), ⻑ U+2ED1, ⺠ U+2EA0, ⻘ U+2ED8 (Supplement: NFKC does not fold these)
    const { text, fixes } = cleanText("⼦どもの成⻑と市⺠と⻘少年");
    expect(text).toBe("子どもの成長と市民と青少年");
    expect(fixes.map((f) => f.reason)).toEqual(["radical", "radical", "radical", "radical"]);
    expect("⻑".normalize("NFKC")).toBe("⻑");
  });

  it("turns half-width katakana into full width, a voiced mark and its letter as one fix", () => {
    const { text, fixes } = cleanText("ｶﾞｲﾄﾞﾌﾞｯｸﾎﾟ");
    expect(text).toBe("ガイドブックポ");
    expect(fixes.map((f) => `${f.original}→${f.replacement}`)).toEqual(["ｶﾞ→ガ", "ｲ→イ", "ﾄﾞ→ド", "ﾌﾞ→ブ", "ｯ→ッ", "ｸ→ク", "ﾎﾟ→ポ"]);
  });

  it("removes zero-width characters and control characters, and turns NBSP into a space", () => {
    expect(cleanText("a\u200bb\u00a0c\u0007d\ne").text).toBe("ab cd\ne");
  });

  it("removes bidi marks and overrides, soft hyphens, line separators and variation selectors", () => {
    const { text, fixes } = cleanText("注\u200e意\u202e喚\u2066起\u00ad！\u2028⚠\ufe0f");
    expect(text).toBe("注意喚起！⚠");
    expect(new Set(fixes.map((f) => f.reason))).toEqual(new Set(["invisible"]));
  });

  it("replaces platform-dependent characters the way an editor would", () => {
    expect(cleanText("①㈱Ⅳ㎡⑴㍻").text).toBe("（1）（株）IVm²（1）平成");
  });

  it("reports each fix with its index in the original string", () => {
    const { fixes } = cleanText("あ⻑い");
    expect(fixes).toEqual([{ index: 1, original: "⻑", replacement: "長", reason: "radical" }]);
  });

  it("leaves ordinary Japanese alone", () => {
    const s = "令和7年度（2025年度）に、子育て支援を100%実施します。";
    expect(cleanText(s)).toEqual({ text: s, fixes: [] });
  });
});

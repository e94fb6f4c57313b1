// Text copied out of old PDFs, Word and Excel carries characters that break search, screen
// readers or public-site rules. Each is replaced and reported, never silently.
import { RADICAL_TO_IDEOGRAPH } from "./radicals.js";

/** One replaced character and where it was in the original string. */
export interface TextFix {
  index: number;
  original: string;
  replacement: string;
  reason: "radical" | "halfwidth-kana" | "invisible" | "nbsp" | "control" | "platform-dependent";
}

const REASON_JA: Record<TextFix["reason"], string> = {
  radical: "部首の文字（康熙部首・CJK部首補助）を通常の漢字に置き換えました",
  "halfwidth-kana": "半角カタカナを全角に置き換えました",
  invisible: "見えない文字（ゼロ幅スペース等）を削除しました",
  nbsp: "ノーブレークスペースを通常の空白に置き換えました",
  control: "制御文字を削除しました",
  "platform-dependent": "機種依存文字を置き換えました",
};

/** Japanese wording of a fix's reason. */
export function reasonJa(reason: TextFix["reason"]): string {
  return REASON_JA[reason];
}

// Characters that public-site guidelines ban, with the replacement a Japanese editor would type.
const PLATFORM_DEPENDENT: Record<string, string> = {
  "㈱": "（株）", "㈲": "（有）", "㈹": "（代）", "㍿": "株式会社",
  "㍻": "平成", "㍼": "昭和", "㍽": "大正", "㍾": "明治", "㋿": "令和",
  "㎡": "m²", "㎥": "m³", "㎠": "cm²", "㎢": "km²", "№": "No.", "℡": "TEL",
};

function isPlatformDependent(cp: number): boolean {
  return (
    (cp >= 0x2460 && cp <= 0x24ff) || // enclosed alphanumerics ① ⑴ ⒈
    (cp >= 0x2160 && cp <= 0x217f) || // roman numerals Ⅳ ⅳ
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, CJK compatibility ㈱ ㎞ ㍉
    cp === 0x2116 || cp === 0x2121 // № ℡
  );
}

function replacePlatformDependent(ch: string): string {
  const fixed = PLATFORM_DEPENDENT[ch];
  if (fixed) return fixed;
  const cp = ch.codePointAt(0)!;
  // ① … ⑳ and ⑴ … ⒇ are list markers: （1）.
  if (cp >= 0x2460 && cp <= 0x2473) return `（${cp - 0x2460 + 1}）`;
  if (cp >= 0x2474 && cp <= 0x2487) return `（${cp - 0x2474 + 1}）`;
  // Otherwise NFKC gives the plain form (Ⅳ → IV, ㎞ → km, ㍉ → ミリ); parentheses to full width.
  return ch.normalize("NFKC").replace(/\(/g, "（").replace(/\)/g, "）");
}

// Format characters (zero-width spaces, bidi marks and overrides, soft hyphens), line/paragraph
// separators and variation selectors: invisible, unprintable in the booklet's font, common in
// text pasted from Word and PDFs.
const FORMAT_CHAR = /^\p{Cf}$/u;
function isInvisible(ch: string, cp: number): boolean {
  return FORMAT_CHAR.test(ch) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xfe00 && cp <= 0xfe0f);
}

/** Cleans one string; returns the new text and every fix, with indexes into the original. */
export function cleanText(input: string): { text: string; fixes: TextFix[] } {
  const fixes: TextFix[] = [];
  let out = "";
  let index = 0;
  const chars = [...input];
  for (let k = 0; k < chars.length; k++) {
    let ch = chars[k]!;
    const cp = ch.codePointAt(0)!;
    // ｶﾞ is one letter typed as two: report and replace it as one (ガ), not a bare mark.
    if (cp >= 0xff61 && cp <= 0xff9d && (chars[k + 1] === "\uff9e" || chars[k + 1] === "\uff9f")) ch += chars[++k];
    let replacement: string | undefined;
    let reason: TextFix["reason"] | undefined;
    const ideograph = RADICAL_TO_IDEOGRAPH.get(cp);
    if (ideograph !== undefined) {
      replacement = String.fromCodePoint(ideograph);
      reason = "radical";
    } else if (cp >= 0xff61 && cp <= 0xff9f) {
      replacement = ch.normalize("NFKC").normalize("NFC");
      reason = "halfwidth-kana";
    } else if (isInvisible(ch, cp)) {
      replacement = "";
      reason = "invisible";
    } else if (cp === 0x00a0 || cp === 0x202f) {
      replacement = " ";
      reason = "nbsp";
    } else if ((cp < 0x20 && ch !== "\n" && ch !== "\t") || (cp >= 0x7f && cp <= 0x9f)) {
      replacement = "";
      reason = "control";
    } else if (isPlatformDependent(cp)) {
      replacement = replacePlatformDependent(ch);
      reason = "platform-dependent";
    }
    if (reason !== undefined && replacement !== undefined) {
      fixes.push({ index, original: ch, replacement, reason });
      out += replacement;
    } else {
      out += ch;
    }
    index += ch.length;
  }
  return { text: out, fixes };
}

/** U+XXXX form of a character, for messages. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

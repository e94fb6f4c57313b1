// The editions made from the same data, and what each changes: the official booklet, the
// committee's draft, the print shop's file (bleed, marks, binding) and the city website's files.

export const EDITIONS = ["official", "draft", "print", "web"] as const;
export type EditionName = (typeof EDITIONS)[number];

/** How staff call each edition (help texts, messages). */
export const EDITION_JA: Record<EditionName, string> = {
  official: "正式版",
  draft: "審議会用の「案」（全ページに「案」と版・日付）",
  print: "印刷所入稿用（塗り足し3mm・トンボ付き、製本に合わせたページ数）",
  web: "ウェブ公開用（冊子全体と章ごとのPDF、一覧のHTML）",
};

/** 塗り足し: backgrounds that touch the trim run this far past it. */
export const BLEED_MM = 3;
/** Room outside the bleed for the crop and centre marks (トンボ). */
export const SLUG_MM = 13;

/** 無線綴じ (perfect binding) needs an even page count; 中綴じ (saddle stitch) a multiple of 4. */
export const BINDINGS = { 無線綴じ: 2, 中綴じ: 4 } as const;
export type Binding = keyof typeof BINDINGS;

/** output/action-plan.pdf, output/action-plan-draft.pdf, …; the web edition is a folder. */
export function defaultOut(edition: EditionName): string {
  if (edition === "official") return "output/action-plan.pdf";
  if (edition === "web") return "output/web/action-plan.pdf";
  return `output/action-plan-${edition}.pdf`;
}

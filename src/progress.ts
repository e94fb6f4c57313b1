// Progress as events from the pipeline; the CLI decides how to draw them (stderr, plain lines).

/** A stage of the build, in order. */
export type Stage = "read" | "compare" | "render" | "print" | "finish" | "pdfx" | "write";

export const STAGE_JA: Record<Stage, string> = {
  read: "データの読み込みと検証",
  compare: "前の版との比較",
  render: "構成とHTML生成",
  print: "印刷（Chromium）",
  finish: "仕上げ（目次・しおり・文書情報）",
  pdfx: "PDF/X への変換（Ghostscript、CMYK）",
  write: "書き出し",
};

/** Receives progress: a stage finished after `ms`, with an optional detail. */
export type ProgressListener = (event: { stage: Stage; ms: number; detail?: string }) => void;

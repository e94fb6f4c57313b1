// plan-press pages: every page as an image and a contact sheet, for looking the booklet over.
import path from "node:path";
import { existsSync } from "node:fs";
import { PlanPressError, UsageError } from "../../errors.js";
import { checkPagesFolder } from "../../write/output-plan.js";
import { contactSheet, DEFAULT_DPI } from "../../review/contact-sheet.js";
import { onInterrupt } from "../terminal.js";
import { echoed } from "../option-values.js";
import { help, parse } from "../command-line.js";

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    pdf: { type: "string", default: "output/action-plan.pdf" },
    out: { type: "string", default: "output/pages" },
    dpi: { type: "string", default: String(DEFAULT_DPI) },
  });
  if (values.help) return help("pages");
  const pdf = path.resolve(String(values.pdf));
  const dpi = Number(values.dpi);
  if (!Number.isInteger(dpi) || dpi < 20 || dpi > 300) throw new UsageError(`--dpi は 20〜300 の整数で指定してください（読むためには 150）: ${echoed(String(values.dpi))}`);
  if (!existsSync(pdf)) throw new UsageError(`PDF がありません: ${echoed(String(values.pdf), 160)}（先に plan-press build を実行してください）`);
  const outDir = checkPagesFolder(String(values.out), [{ path: pdf, label: "--pdf の PDF" }]);
  const interrupt = onInterrupt();
  let result;
  try {
    result = await contactSheet(pdf, outDir, 120_000, interrupt.signal, { dpi }).catch((err: unknown) => {
      if (interrupt.signal.aborted) throw new PlanPressError(`中断しました（${String(interrupt.signal.reason)}）。`);
      throw err;
    });
  } finally {
    interrupt.dispose();
  }
  console.log(`${result.pages} ページの画像と一覧 → ${path.relative(process.cwd(), result.sheet)}`);
  if (result.sheets.length) console.log(`見開きの一覧（${dpi} dpi、${result.sheets.length} 枚） → ${path.relative(process.cwd(), path.dirname(result.sheets[0]!))}/contact-sheet-01.png …`);
  return 0;
}

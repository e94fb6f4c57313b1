// plan-press report: the yearly progress report (進行管理) from the actuals.
import { UsageError } from "../../errors.js";
import { parseFiscalYear } from "../../validate/schema.js";
import { planOutput } from "../../write/output-plan.js";
import { drawProgress, interrupted, kb, onInterrupt, printDiagnostics, shown } from "../terminal.js";
import { dataFolder, timeoutMs, wsEndpoint } from "../option-values.js";
import { help, parse } from "../command-line.js";

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    data: { type: "string", default: "data" },
    year: { type: "string" },
    out: { type: "string" },
    "browser-ws-endpoint": { type: "string" },
    timeout: { type: "string", default: "120" },
  });
  if (values.help) return help("report");
  const year = values.year === undefined ? undefined : parseFiscalYear(String(values.year));
  if (year === undefined) throw new UsageError("--year で報告する実績の年度を指定してください。例: plan-press report --year 2025");
  const dataDir = dataFolder("--data", values.data);
  const timeout = timeoutMs(values.timeout);
  const browserWsEndpoint = wsEndpoint(values["browser-ws-endpoint"]);
  // Before anything is read: the report must not overwrite an input or a file not ours.
  const output = planOutput({
    kind: "single", defaultName: `progress-${year}.pdf`, out: values.out === undefined ? `output/progress-${year}.pdf` : String(values.out),
    inputs: [{ path: dataDir, label: "データのフォルダ" }],
  });
  if (output.kind !== "single") throw new Error("report: unexpected output plan");
  const interrupt = onInterrupt();
  try {
    // The printing stages load only now: a refused option or --out answers at once.
    const { report: buildReport } = await import("../../report.js");
    const result = await buildReport({
      dataDir, year, output, timeout, browserWsEndpoint,
      signal: interrupt.signal, onProgress: drawProgress, onNotice: (message) => console.error(`  ${message}`),
    }).catch(interrupted(interrupt.signal, "前回の報告書はそのままです。"));
    printDiagnostics(result.diagnostics);
    console.log(`完成: ${result.pageCount} ページ、${kb(result.bytes)}、${result.seconds.toFixed(1)} 秒 → ${shown(result.outFile)}`);
    console.log(`  指標の進捗状況: ${Object.entries(result.total).map(([s, n]) => `${s} ${n}`).join("、")}`);
    return 0;
  } finally {
    interrupt.dispose();
  }
}

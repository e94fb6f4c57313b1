// plan-press diff: the 新旧対照表 between an earlier version and the data.
import { UsageError } from "../../errors.js";
import { planOutput } from "../../write/output-plan.js";
import { drawProgress, interrupted, kb, onInterrupt, shown } from "../terminal.js";
import { dataFolder, revision, timeoutMs, wsEndpoint } from "../option-values.js";
import { help, parse } from "../command-line.js";

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    from: { type: "string" },
    label: { type: "string" },
    to: { type: "string", default: "data" },
    out: { type: "string", default: "output/shinkyu-taisho.pdf" },
    "browser-ws-endpoint": { type: "string" },
    timeout: { type: "string", default: "120" },
  });
  if (values.help) return help("diff");
  if (!values.from) throw new UsageError("--from で、比べる前の版（git のリビジョンか古いデータのフォルダ）を指定してください。例: plan-press diff --from HEAD");
  const from = revision("--from", String(values.from));
  const dataDir = dataFolder("--to", values.to);
  const timeout = timeoutMs(values.timeout);
  const browserWsEndpoint = wsEndpoint(values["browser-ws-endpoint"]);
  // Before anything is read: the table's file must not overwrite an input or a file not ours.
  const output = planOutput({
    kind: "single", defaultName: "shinkyu-taisho.pdf", out: String(values.out),
    inputs: [{ path: dataDir, label: "--to のデータのフォルダ" }, { path: from, label: "--from の比較元" }],
  });
  const interrupt = onInterrupt();
  try {
    // The printing stages load only now: a refused option or --out answers at once.
    const { shinkyuTaisho } = await import("../../diff/shinkyu.js");
    const result = await shinkyuTaisho({
      from, label: values.label as string | undefined, dataDir, outFile: output.pdf, timeout, browserWsEndpoint,
      signal: interrupt.signal, onProgress: drawProgress, onNotice: (message) => console.error(`  ${message}`),
    }).catch(interrupted(interrupt.signal, "前回の新旧対照表はそのままです。"));
    // A short summary: how many items changed in each group, and where.
    const groups = new Map<string, { count: number; pages: Set<string> }>();
    for (const row of result.rows) {
      const g = groups.get(row.group) ?? { count: 0, pages: new Set<string>() };
      g.count++;
      if (row.page && row.page !== "—") g.pages.add(row.page);
      groups.set(row.group, g);
    }
    console.log(`比較元: ${result.source}（表では「${result.since}」）`);
    console.log(`「${result.since}」からの変更: ${result.rows.length} 項目（${groups.size} か所）`);
    const where = (page: string) => (/^\d+$/.test(page) ? `p.${page}` : page);
    for (const [name, g] of groups) console.log(`  ${name}　${g.count} 項目${g.pages.size ? `（${[...g.pages].map(where).join("、")}）` : ""}`);
    console.log(`新旧対照表: ${result.pageCount} ページ、${kb(result.bytes)} → ${shown(result.outFile)}`);
    return 0;
  } finally {
    interrupt.dispose();
  }
}

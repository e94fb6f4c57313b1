// The command line: parses arguments, runs a command, prints Japanese-first messages to stderr
// (results to stdout) and returns the exit code. Known errors print cleanly; others are bugs
// and print their stack.
import path from "node:path";
import { parseArgs } from "node:util";
import { build, checkData, lastPageLabels, type BuildOptions } from "./build.js";
import { startPreview } from "./preview/server.js";
import { fileSize } from "./render/render-web-index.js";
import { watchSources } from "./watch/watch-sources.js";
import { PROJECT_ROOT } from "./paths.js";
import { PlanPressError, UsageError } from "./errors.js";
import { summarize } from "./validate/diagnostic.js";
import { VERSION } from "./version.js";
import { HELP } from "./cli/help.js";
import { drawProgress, interrupted, kb, onInterrupt, printDiagnostics, report, shown } from "./cli/terminal.js";
import { checkValues, dataFolder, echoed, portNumber, revision, timeoutMs, wsEndpoint } from "./cli/option-values.js";
import { checkPagesFolder, planOutput } from "./write/output-plan.js";
import { writeJsonSchemas } from "./validate/json-schema.js";
import { contactSheet, DEFAULT_DPI } from "./review/contact-sheet.js";
import { BINDINGS, EDITIONS, EDITION_JA, defaultOut, type Binding, type EditionName } from "./editions.js";
import { shinkyuTaisho } from "./diff/shinkyu.js";
import { existsSync } from "node:fs";
import { sweepStaleTempDirs } from "./write/temp-dirs.js";
import { initPlan } from "./init/init-plan.js";
import { runSheet } from "./cli/sheet-commands.js";
import { report as buildReport } from "./report.js";
import { parseFiscalYear } from "./validate/schema.js";

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = "help", ...rest] = argv;
  // Folders a killed earlier run could not remove (its exit hook never ran) go first.
  sweepStaleTempDirs();
  try {
    switch (command) {
      case "build":
        return await runBuild(rest);
      case "check":
        return runCheck(rest);
      case "pages":
        return await runPages(rest);
      case "diff":
        return await runDiff(rest);
      case "preview":
        return await runPreview(rest);
      case "init":
        return runInit(rest);
      case "sheet":
        return await runSheet(rest, help);
      case "report":
        return await runReport(rest);
      case "schema":
        if (wantsHelp(rest)) return help("schema");
        for (const file of writeJsonSchemas()) console.log(file);
        return 0;
      case "help":
      case "--help":
      case "-h":
        return help(rest[0] ?? "main");
      case "--version":
      case "-v":
        console.log(VERSION);
        return 0;
      default:
        throw new UsageError(`コマンド「${command}」はありません。\n\n${HELP.main}`);
    }
  } catch (err) {
    return report(err);
  }
}

function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

function help(topic: string): number {
  const text = HELP[topic];
  if (!text) throw new UsageError(`「${topic}」の説明はありません。\n\n${HELP.main}`);
  console.log(text);
  return 0;
}

type OptionSpec = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined> } {
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: false, strict: true });
    checkValues(values as Record<string, string | boolean | undefined>);
    return { values: values as Record<string, string | boolean | undefined> };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const message = (err as Error).message;
    throw new UsageError(`オプションが正しくありません: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`);
  }
}

async function runReport(args: string[]): Promise<number> {
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

function runInit(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { city: { type: "string" }, title: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`オプションが正しくありません: ${(err as Error).message}`);
  }
  if (parsed.values.help) return help("init");
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0 || !parsed.values.city) throw new UsageError("使い方: plan-press init フォルダ --city 市の名称 [--title 冊子の題名]\n例: plan-press init data-midorino --city みどり野市");
  const files = initPlan({ dir, city: parsed.values.city, title: parsed.values.title });
  console.log(`見本の計画をつくりました（${files.length} ファイル） → ${shown(path.resolve(dir))}`);
  console.error(`次に、ファイルの（ ）の部分を書き換えて、plan-press check --data ${dir} で確かめ、plan-press build --data ${dir} で冊子をつくってください。`);
  return 0;
}

function runCheck(args: string[]): number {
  const { values } = parse(args, { data: { type: "string", default: "data" } });
  if (values.help) return help("check");
  const result = checkData(dataFolder("--data", values.data));
  printDiagnostics(result.diagnostics);
  const ok = result.data !== undefined;
  console.error(ok ? `検証: 問題ありません（${summarize(result.diagnostics)}）` : `検証: ${summarize(result.diagnostics)}`);
  return ok ? 0 : 1;
}

async function runDiff(args: string[]): Promise<number> {
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

/** The --edition value, or a usage error listing the editions. */
function editionName(value: string | boolean | undefined): EditionName {
  const edition = String(value);
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    throw new UsageError(`版「${echoed(edition)}」はありません。使える版:\n${EDITIONS.map((e) => `  ${e.padEnd(9)} ${EDITION_JA[e]}`).join("\n")}`);
  }
  return edition as EditionName;
}

async function runPages(args: string[]): Promise<number> {
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

async function runBuild(args: string[]): Promise<number> {
  const { values } = parse(args, {
    data: { type: "string", default: "data" },
    out: { type: "string" },
    edition: { type: "string", default: "official" },
    "browser-ws-endpoint": { type: "string" },
    timeout: { type: "string", default: "120" },
    strict: { type: "boolean", default: false },
    "changes-since": { type: "string" },
    label: { type: "string" },
    watch: { type: "boolean", default: false },
    binding: { type: "string" },
    pdfx: { type: "boolean", default: false },
  });
  if (values.help) return help("build");
  const edition = editionName(values.edition);
  const binding = values.binding as string | undefined;
  if (binding !== undefined && !Object.keys(BINDINGS).includes(binding)) throw new UsageError(`--binding は ${Object.keys(BINDINGS).join(" か ")} で指定してください。指定された値: ${echoed(binding)}`);
  if ((binding !== undefined || values.pdfx) && edition !== "print") {
    throw new UsageError("--binding と --pdfx は印刷所入稿用の版（--edition print）で使います。例: plan-press build --edition print --pdfx");
  }
  const timeout = timeoutMs(values.timeout);
  const changesSince = values["changes-since"] === undefined ? undefined : revision("--changes-since", String(values["changes-since"]));
  if (changesSince !== undefined && edition !== "draft") {
    throw new UsageError("--changes-since は審議会用の「案」（--edition draft）で使います。例: plan-press build --edition draft --changes-since HEAD");
  }
  if (values.label !== undefined && changesSince === undefined) {
    throw new UsageError("--label は --changes-since と一緒に使います（比べる前の版の名前）。例: --changes-since shingikai-1 --label 第1回審議会資料");
  }

  const options = {
    dataDir: dataFolder("--data", values.data),
    outFile: values.out === undefined ? defaultOut(edition) : String(values.out),
    edition,
    binding: binding as Binding | undefined,
    pdfx: Boolean(values.pdfx),
    browserWsEndpoint: wsEndpoint(values["browser-ws-endpoint"]),
    timeout,
    strict: Boolean(values.strict),
    changesSince,
    changesLabel: values.label as string | undefined,
    onProgress: drawProgress,
    onNotice: (message: string) => console.error(`  ${message}`),
  };
  if (values.watch) return await watchBuild(options);

  // Ctrl-C: aborting closes Chromium at once; the build's finally blocks remove temporary files.
  const interrupt = onInterrupt();
  try {
    await buildOnce({ ...options, signal: interrupt.signal });
    return 0;
  } finally {
    interrupt.dispose();
  }
}

/** One build, its warnings and its closing line. */
async function buildOnce(options: BuildOptions & { signal: AbortSignal }): Promise<void> {
  const result = await build(options).catch(interrupted(options.signal, "前回の PDF はそのままです。"));
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  printDiagnostics(warnings);
  if (result.continued.length > 0) console.error(`  長いため、次のページ（見開き）に続けて印刷しました: ${result.continued.join("、")}`);
  if (result.blockedRequests.length > 0) {
    console.error(`外部への読み込みを ${result.blockedRequests.length} 件止めました: ${result.blockedRequests.slice(0, 5).join(" ")}`);
  }
  if (result.changes) {
    const c = result.changes;
    console.error(`  比較元: ${c.source}（冊子では「${c.since}」）`);
    console.error(`  「${c.since}」からの変更 ${c.rows.length} 項目を、目次の次の「前回からの変更箇所」に載せ、本文に印を付けました。`);
  }
  console.log(`完成: ${result.pageCount} ページ、${(result.bytes / 1024 / 1024).toFixed(2)} MB、${result.seconds.toFixed(1)} 秒 → ${shown(result.outFile)}`);
  if (result.web) {
    for (const f of result.web.files.slice(1)) console.log(`  ${f.name}　${f.title}（${f.pages}、${f.pageCount} ページ）　${fileSize(f.bytes)}`);
    console.log(`ウェブ公開用の一覧 → ${shown(result.web.index)}`);
  }
  if (result.pdfx) {
    console.log(`印刷所用: ${result.pdfx.version}（CMYK、出力インテント ${result.pdfx.intent.condition}）、${(result.pdfx.bytes / 1024 / 1024).toFixed(2)} MB → ${shown(result.pdfx.file)}`);
  }
}

/**
 * build --watch: builds, then again after every burst of saves, until Ctrl-C. A failed build
 * says why and waits for the next save; the last good PDF stays. Saves during a build are
 * collected and give one more build after it.
 */
async function watchBuild(options: BuildOptions): Promise<number> {
  const interrupt = onInterrupt();
  let changed: string[] = [];
  let wake: (() => void) | undefined;
  const stop = watchSources([options.dataDir, path.join(PROJECT_ROOT, "templates"), path.join(PROJECT_ROOT, "styles")], (files) => {
    changed.push(...files);
    wake?.();
  });
  interrupt.signal.addEventListener("abort", () => wake?.());
  try {
    for (;;) {
      try {
        await buildOnce({ ...options, signal: interrupt.signal });
      } catch (err) {
        if (interrupt.signal.aborted) break;
        // A refused --out or option is not fixed by saving the data: stop at once.
        if (err instanceof UsageError) throw err;
        report(err);
      }
      console.error("保存を待っています（Ctrl-C で終了）…");
      if (changed.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (interrupt.signal.aborted) break;
      const names = [...new Set(changed.map((f) => path.relative(process.cwd(), f)))];
      changed = [];
      console.error(`\n変更: ${names.slice(0, 5).join("、")}${names.length > 5 ? ` ほか ${names.length - 5} 件` : ""}`);
    }
    console.error("監視を終了しました。");
    return 0;
  } finally {
    stop();
    interrupt.dispose();
  }
}

async function runPreview(args: string[]): Promise<number> {
  const { values } = parse(args, {
    data: { type: "string", default: "data" },
    edition: { type: "string", default: "official" },
    port: { type: "string", default: "0" },
  });
  if (values.help) return help("preview");
  const edition = editionName(values.edition);
  const port = portNumber(values.port);
  const outFile = path.resolve(defaultOut(edition));
  const server = await startPreview({
    dataDir: dataFolder("--data", values.data), edition, port,
    pageLabels: () => lastPageLabels(outFile),
    onRender: ({ ok, ms, problems, files }) => {
      if (files.length === 0) return;
      const names = [...new Set(files.map((f) => path.relative(process.cwd(), f)))].join("、");
      console.error(ok ? `更新しました（${(ms / 1000).toFixed(2)} 秒）: ${names}` : `エラー ${problems} 件（画面に表示しています）: ${names}`);
    },
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE") throw new UsageError(`ポート ${port} は使われています。別の番号か、--port 0（自動）を指定してください。`);
    throw err;
  });
  console.log(`プレビュー: ${server.url}`);
  console.error("ブラウザで上のアドレスを開いてください。保存すると自動で更新されます（Ctrl-C で終了）。");
  await new Promise<void>((resolve) => {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(s, () => resolve());
  });
  await server.close();
  console.error("プレビューを終了しました。");
  return 0;
}


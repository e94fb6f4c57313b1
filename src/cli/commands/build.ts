// plan-press build [--watch]: one booklet set, or one after every burst of saves.
import path from "node:path";
import type { BuildOptions } from "../../build.js";
import { planBuildOutput } from "../../write/booklet-output.js";
import { fileSize } from "../../render/render-web-index.js";
import { watchSources } from "../../watch/watch-sources.js";
import { PROJECT_ROOT } from "../../paths.js";
import { UsageError } from "../../errors.js";
import { BINDINGS, defaultOut, type Binding } from "../../editions.js";
import { drawProgress, interrupted, onInterrupt, printDiagnostics, report, shown } from "../terminal.js";
import { dataFolder, echoed, revision, timeoutMs, wsEndpoint } from "../option-values.js";
import { editionName, help, parse } from "../command-line.js";

export async function run(args: string[]): Promise<number> {
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
  // A refused --out answers at once, before the printing stages load (the build plans it again, just before it reads).
  planBuildOutput(options);
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
  const { build } = await import("../../build.js");
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

// The command line: parses arguments, runs a command, prints Japanese-first messages to stderr
// (results to stdout) and returns the exit code. Known errors print cleanly; others are bugs
// and print their stack.
import path from "node:path";
import { parseArgs } from "node:util";
import { build, checkData, lastPageLabels, overflowMessage, type BuildOptions } from "./build.js";
import { startPreview } from "./preview/server.js";
import { fileSize } from "./render/render-web-index.js";
import { watchSources } from "./watch/watch-sources.js";
import { PROJECT_ROOT } from "./paths.js";
import { DataError, PlanPressError, UsageError } from "./errors.js";
import { formatDiagnostic, sortDiagnostics, summarize, type Diagnostic } from "./validate/diagnostic.js";
import { STAGE_JA } from "./progress.js";
import { VERSION } from "./version.js";
import { writeJsonSchemas } from "./validate/json-schema.js";
import { contactSheet } from "./review/contact-sheet.js";
import { BINDINGS, EDITIONS, EDITION_JA, defaultOut, type Binding, type EditionName } from "./editions.js";
import { shinkyuTaisho } from "./diff/shinkyu.js";
import { existsSync } from "node:fs";


const HELP: Record<string, string> = {
  main: `plan-press ${VERSION} — 総合計画のデータから冊子PDFをつくります

使い方:
  plan-press build   [--data DIR] [--out FILE] [--edition NAME]   冊子PDFをつくる
  plan-press check   [--data DIR]                                 データを検証する（PDFはつくらない）
  plan-press diff    --from REF [--to DIR] [--out FILE]           新旧対照表（PDF）をつくる
  plan-press preview [--data DIR] [--edition NAME] [--port N]     編集しながら見るプレビュー（保存すると自動で更新）
  plan-press pages   [--pdf FILE] [--out DIR]                     ページの画像と一覧（コンタクトシート）をつくる
  plan-press schema                                               エディタ用の JSON Schema を書き出す
  plan-press help [COMMAND]                                       説明を表示する

各コマンドの説明: plan-press COMMAND --help`,
  build: `plan-press build — データから冊子PDFをつくります

  --data DIR                 計画データのフォルダ（既定: data）
  --out FILE                 出力するPDF（既定: output/action-plan.pdf、draft は output/action-plan-draft.pdf）。
                             同じ場所に印刷したHTMLも書き出します
  --edition NAME             版（既定: official）:
${EDITIONS.map((e) => `                               ${e.padEnd(9)} ${EDITION_JA[e]}`).join("\n")}
  --binding 無線綴じ|中綴じ   （print）製本の方法。ページ数を2または4の倍数にそろえる（既定: edition.yaml の binding）
  --pdfx                     （print）Ghostscript で CMYK の PDF/X-3 にも変換する（…-pdfx.pdf。印刷所に渡すファイル）
  --browser-ws-endpoint URL  起動済みのChrome（ws://…）で印刷する
  --timeout SECONDS          ブラウザの起動・読込・印刷の待ち時間（既定: 120）
  --strict                   ページに収まらない内容をエラーにする（既定は警告）
  --watch                    データ・テンプレート・スタイルの保存のたびに作り直す（Ctrl-C で終了）
  --changes-since REF        （draft のみ）REF（git のリビジョンか古いデータのフォルダ）からの変更に印を付け、
                             目次の次に変更箇所の一覧（ページ付き）を載せる。例: --changes-since HEAD
  -h, --help                 この説明

データにエラーがあるときはPDFをつくらず、前回のPDFはそのまま残ります。`,
  check: `plan-press check — データを検証します（PDFはつくりません）

  --data DIR   計画データのフォルダ（既定: data）
  -h, --help   この説明

すべての問題を「ファイル:行:列」とともに表示します。エラーがあれば終了コード 1、警告だけなら 0。`,
  diff: `plan-press diff — 前の版と比べた新旧対照表（PDF）をつくります

  --from REF   比べる前の版: git のリビジョン（HEAD、HEAD~1、タグ名など）か、古いデータのフォルダ
  --to DIR     新しい版のデータのフォルダ（既定: data）
  --out FILE   出力するPDF（既定: output/shinkyu-taisho.pdf）
  --browser-ws-endpoint URL, --timeout SECONDS   build と同じ
  -h, --help   この説明

変更のあった項目ごとに1行、左に新（改正後）、右に旧（改正前）を並べ、変わった文字に下線を引きます。
数値は値として比べます（80 → 85）。各行に新しい冊子でのページを示し、変更の一覧を画面にも表示します。`,
  preview: `plan-press preview — 編集しながら冊子を確かめるプレビュー（ブラウザで開きます）

  --data DIR       計画データのフォルダ（既定: data）
  --edition NAME   official（既定）または draft
  --port N         使うポート（既定: 空いているポートを自動で選ぶ）
  -h, --help       この説明

このマシンだけから見られるアドレス（http://127.0.0.1:…/）を表示します。データ・テンプレート・スタイルを
保存すると、1秒ほどで表示が更新されます。データにエラーがあると、その場所（ファイル:行）を画面の上に
表示し、直すと消えます。見開きのページは印刷と同じ大きさで表示し、収まらないページは赤枠で示します。
ページ番号は最後に作成した PDF のものです。Ctrl-C で終了します。`,
  pages: `plan-press pages — 冊子の全ページの画像と、見開きで並べた一覧（コンタクトシート）をつくります

  --pdf FILE   対象のPDF（既定: output/action-plan.pdf）
  --out DIR    書き出すフォルダ（既定: output/pages）
  -h, --help   この説明

page-001.png … と contact-sheet.png を書き出します。全体の見た目の確認に使います。`,
  schema: `plan-press schema — schema/*.schema.json を書き出します

YAMLファイル先頭の「# yaml-language-server: $schema=…」の行により、VS Code が項目の候補と誤りを表示します。`,
};

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = "help", ...rest] = argv;
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
    return { values: values as Record<string, string | boolean | undefined> };
  } catch (err) {
    throw new UsageError(`オプションが正しくありません: ${(err as Error).message}`);
  }
}

function printDiagnostics(list: Diagnostic[]): void {
  for (const d of sortDiagnostics(list)) console.error(formatDiagnostic(d));
}

function runCheck(args: string[]): number {
  const { values } = parse(args, { data: { type: "string", default: "data" } });
  if (values.help) return help("check");
  const result = checkData(path.resolve(String(values.data)));
  printDiagnostics(result.diagnostics);
  const ok = result.data !== undefined;
  console.error(ok ? `検証: 問題ありません（${summarize(result.diagnostics)}）` : `検証: ${summarize(result.diagnostics)}`);
  return ok ? 0 : 1;
}

async function runDiff(args: string[]): Promise<number> {
  const { values } = parse(args, {
    from: { type: "string" },
    to: { type: "string", default: "data" },
    out: { type: "string", default: "output/shinkyu-taisho.pdf" },
    "browser-ws-endpoint": { type: "string" },
    timeout: { type: "string", default: "120" },
  });
  if (values.help) return help("diff");
  if (!values.from) throw new UsageError("--from で、比べる前の版（git のリビジョンか古いデータのフォルダ）を指定してください。例: plan-press diff --from HEAD");
  const interrupt = onInterrupt();
  try {
    const result = await shinkyuTaisho({
      from: String(values.from), dataDir: path.resolve(String(values.to)), outFile: String(values.out),
      timeout: timeoutMs(values.timeout), browserWsEndpoint: values["browser-ws-endpoint"] as string | undefined,
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
    console.log(`${result.since}からの変更: ${result.rows.length} 項目（${groups.size} か所）`);
    for (const [name, g] of groups) console.log(`  ${name}　${g.count} 項目${g.pages.size ? `（p.${[...g.pages].join("、")}）` : ""}`);
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
    throw new UsageError(`版「${edition}」はありません。使える版:\n${EDITIONS.map((e) => `  ${e.padEnd(9)} ${EDITION_JA[e]}`).join("\n")}`);
  }
  return edition as EditionName;
}

/** Seconds from --timeout as milliseconds, or a usage error. */
function timeoutMs(value: string | boolean | undefined): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError("--timeout は秒数（正の数）で指定してください。");
  return seconds * 1000;
}

/** Progress of each stage as a plain line on stderr. */
function drawProgress({ stage, ms, detail }: { stage: keyof typeof STAGE_JA; ms: number; detail?: string }): void {
  console.error(`  ${STAGE_JA[stage]} … ${(ms / 1000).toFixed(2)} 秒${detail ? `（${detail}）` : ""}`);
}

/** After Ctrl-C, the failure is the interruption, said plainly. */
function interrupted(signal: AbortSignal, kept: string): (err: unknown) => never {
  return (err) => {
    if (signal.aborted) throw new PlanPressError(`中断しました（${String(signal.reason)}）。${kept}`);
    throw err;
  };
}

/** A path relative to the working folder when it is inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}


async function runPages(args: string[]): Promise<number> {
  const { values } = parse(args, {
    pdf: { type: "string", default: "output/action-plan.pdf" },
    out: { type: "string", default: "output/pages" },
  });
  if (values.help) return help("pages");
  const pdf = path.resolve(String(values.pdf));
  if (!existsSync(pdf)) throw new UsageError(`PDF がありません: ${values.pdf}（先に plan-press build を実行してください）`);
  const interrupt = onInterrupt();
  let result;
  try {
    result = await contactSheet(pdf, path.resolve(String(values.out)), 120_000, interrupt.signal).catch((err: unknown) => {
      if (interrupt.signal.aborted) throw new PlanPressError(`中断しました（${String(interrupt.signal.reason)}）。`);
      throw err;
    });
  } finally {
    interrupt.dispose();
  }
  console.log(`${result.pages} ページの画像と一覧 → ${path.relative(process.cwd(), result.sheet)}`);
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
    watch: { type: "boolean", default: false },
    binding: { type: "string" },
    pdfx: { type: "boolean", default: false },
  });
  if (values.help) return help("build");
  const edition = editionName(values.edition);
  const binding = values.binding as string | undefined;
  if (binding !== undefined && !(binding in BINDINGS)) throw new UsageError(`--binding は ${Object.keys(BINDINGS).join(" か ")} で指定してください。`);
  if ((binding !== undefined || values.pdfx) && edition !== "print") {
    throw new UsageError("--binding と --pdfx は印刷所入稿用の版（--edition print）で使います。例: plan-press build --edition print --pdfx");
  }
  const timeout = timeoutMs(values.timeout);
  const changesSince = values["changes-since"] as string | undefined;
  if (changesSince !== undefined && edition !== "draft") {
    throw new UsageError("--changes-since は審議会用の「案」（--edition draft）で使います。例: plan-press build --edition draft --changes-since HEAD");
  }

  const options = {
    dataDir: path.resolve(String(values.data)),
    outFile: values.out === undefined ? defaultOut(edition) : String(values.out),
    edition,
    binding: binding as Binding | undefined,
    pdfx: Boolean(values.pdfx),
    browserWsEndpoint: values["browser-ws-endpoint"] as string | undefined,
    timeout,
    strict: Boolean(values.strict),
    changesSince,
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
  if (result.overflows.length > 0) console.error(overflowMessage(result.overflows));
  if (result.blockedRequests.length > 0) {
    console.error(`外部への読み込みを ${result.blockedRequests.length} 件止めました: ${result.blockedRequests.slice(0, 5).join(" ")}`);
  }
  if (result.changes) console.error(`  ${result.changes.since}からの変更 ${result.changes.rows.length} 項目を、目次の次の「前回からの変更箇所」に載せ、本文に印を付けました。`);
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
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port は 0〜65535 の整数で指定してください（0 は自動）。");
  const outFile = path.resolve(defaultOut(edition));
  const server = await startPreview({
    dataDir: path.resolve(String(values.data)), edition, port,
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

/**
 * An AbortSignal raised by SIGINT/SIGTERM, so the build unwinds through its finally blocks. A
 * second Ctrl-C does not wait: it exits at once (Chromium, on a pipe, exits with us; the next
 * run removes what was left).
 */
function onInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const listener = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      console.error("plan-press: 中断しました。");
      process.exit(130);
    }
    controller.abort(signal);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, listener);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, listener);
    },
  };
}

function report(err: unknown): number {
  if (err instanceof DataError) {
    printDiagnostics(err.diagnostics);
    console.error(`\n${err.message}（${summarize(err.diagnostics)}）`);
    return 1;
  }
  if (err instanceof UsageError) {
    console.error(`plan-press: ${err.message}`);
    return 2;
  }
  if (err instanceof PlanPressError) {
    console.error(`plan-press: ${err.message}`);
    const cause = err.cause instanceof Error ? err.cause.message.split("\n")[0] : undefined;
    if (cause) console.error(`  (${cause})`);
    return 1;
  }
  console.error("plan-press: 予期しないエラーです（不具合の可能性があります）。以下を添えて報告してください。");
  console.error(err instanceof Error ? err.stack : String(err));
  return 70;
}

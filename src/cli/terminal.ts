// The terminal side of the CLI: progress lines, paths and sizes as staff read them, Ctrl-C, and
// how an error is reported (a clean Japanese message for known errors, a stack only for a bug).
import path from "node:path";
import { DataError, PlanPressError, UsageError } from "../errors.js";
import { formatDiagnostic, sortDiagnostics, summarize, type Diagnostic } from "../validate/diagnostic.js";
import { STAGE_JA } from "../progress.js";

export function printDiagnostics(list: Diagnostic[]): void {
  for (const d of sortDiagnostics(list)) console.error(formatDiagnostic(d));
}

/** Progress of each stage as a plain line on stderr. */
export function drawProgress({ stage, ms, detail }: { stage: keyof typeof STAGE_JA; ms: number; detail?: string }): void {
  console.error(`  ${STAGE_JA[stage]} … ${(ms / 1000).toFixed(2)} 秒${detail ? `（${detail}）` : ""}`);
}

/** After Ctrl-C, the failure is the interruption, said plainly. */
export function interrupted(signal: AbortSignal, kept: string): (err: unknown) => never {
  return (err) => {
    if (signal.aborted) throw new PlanPressError(`中断しました（${String(signal.reason)}）。${kept}`);
    throw err;
  };
}

/** A path relative to the working folder when it is inside it. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

export function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * An AbortSignal raised by SIGINT/SIGTERM, so the build unwinds through its finally blocks. A
 * second Ctrl-C does not wait: it exits at once (Chromium, on a pipe, exits with us; the next
 * run removes what was left).
 */
export function onInterrupt(): { signal: AbortSignal; dispose(): void } {
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

export function report(err: unknown): number {
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
  const fsFailure = fileSystemFailure(err);
  if (fsFailure) {
    console.error(`plan-press: ${fsFailure}`);
    return 1;
  }
  console.error("plan-press: 予期しないエラーです（不具合の可能性があります）。以下を添えて報告してください。");
  console.error(err instanceof Error ? err.stack : String(err));
  return 70;
}

/**
 * A file-system error that reached the top unexplained (a path the checks did not foresee): still
 * plain words with the file and the reason, never a stack trace.
 */
function fileSystemFailure(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENAMETOOLONG: "名前が長すぎます",
    ENOTDIR: "途中にフォルダではなくファイルがあります",
    ELOOP: "リンク（ショートカット）が循環しています",
    EEXIST: "同じ名前のものがすでにあります",
    EISDIR: "ファイルの場所がフォルダです",
    ENOENT: "ありません",
    EACCES: "権限がありません",
    EPERM: "権限がありません",
    EROFS: "読み取り専用の場所です",
    ENOSPC: "ディスクの空きが足りません",
    EDQUOT: "ディスクの使用量の上限に達しています",
    EIO: "ディスクの読み書きに失敗しました",
    EBUSY: "ほかのソフトが使っています",
    EMFILE: "開いているファイルが多すぎます",
    ENFILE: "開いているファイルが多すぎます",
  };
  if (!(err instanceof Error) || typeof e.code !== "string" || !reasons[e.code]) return undefined;
  const where = typeof e.path === "string" ? shown(e.path) : "ファイル";
  const target = where.length > 160 ? `${where.slice(0, 80)}…${where.slice(-60)}` : where;
  return `${target} を扱えません（${e.code}: ${reasons[e.code]}）。指定した場所（--data・--out など）を確認してください。前回のファイルはそのままです。`;
}

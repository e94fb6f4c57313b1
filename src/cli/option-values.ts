// Limits and types of option values: every value is checked and bounded before it is used, and
// each problem is a usage error naming the option (never a crash, a hang or a timer overflow).
import { statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";

/** Any option value longer than this is refused (the longest path Linux accepts is 4096 bytes). */
const MAX_VALUE_BYTES = 4096;
export const TIMEOUT_SECONDS = { min: 1, max: 3600 } as const;

/** A value as shown in a message: never endless, control characters made visible. */
export function echoed(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const visible = value.replace(/[\u0000-\u001f\u007f]/g, "�");
  return visible.length > max ? `${visible.slice(0, max - 20)}…（${visible.length} 文字）` : visible;
}

/** Every string option: within the length limit, without NUL. */
export function checkValues(values: Record<string, string | boolean | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string") continue;
    if (Buffer.byteLength(value) > MAX_VALUE_BYTES) throw new UsageError(`--${name} の値が長すぎます（${Buffer.byteLength(value)} バイト。${MAX_VALUE_BYTES} バイトまでです）。`);
    if (value.includes("\0")) throw new UsageError(`--${name} の値に使えない文字（NUL）が含まれています。`);
  }
}

/** Seconds from --timeout as milliseconds (1–3600 s: Node's timers overflow past ~24 days). */
export function timeoutMs(value: string | boolean | undefined): number {
  const text = String(value).trim();
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= TIMEOUT_SECONDS.min && seconds <= TIMEOUT_SECONDS.max)) {
    throw new UsageError(`--timeout は ${TIMEOUT_SECONDS.min}〜${TIMEOUT_SECONDS.max} の秒数で指定してください（例: --timeout 300）。指定された値: ${echoed(text)}`);
  }
  return Math.round(seconds * 1000);
}

/** --port: 0 (chosen automatically) to 65535. */
export function portNumber(value: string | boolean | undefined): number {
  const text = String(value).trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port は 0〜65535 の整数で指定してください（0 は自動）。指定された値: ${echoed(text)}`);
  return port;
}

/** A git revision or folder (--from, --changes-since): not an option in disguise, not a control string. */
export function revision(option: string, value: string): string {
  // git would read "-…" as one of its own options (e.g. one that writes a file).
  // eslint-disable-next-line no-control-regex
  if (value.trim() === "" || /^-/.test(value) || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new UsageError(`${option} には、git のリビジョン（HEAD、タグ名など）か古いデータのフォルダを指定してください。指定された値: ${echoed(value)}`);
  }
  return value;
}

/** --browser-ws-endpoint: a ws:// or wss:// address. */
export function wsEndpoint(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  let ok = false;
  try {
    ok = ["ws:", "wss:"].includes(new URL(text).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`--browser-ws-endpoint には ws://… または wss://… のアドレスを指定してください。指定された値: ${echoed(text)}`);
  return text;
}

/** A data folder (--data, --to) that exists and is a folder, said plainly before anything is read. */
export function dataFolder(option: string, value: string | boolean | undefined): string {
  const text = String(value);
  const dir = path.resolve(text);
  const tooLong = text.split(/[\\/]/).some((part) => Buffer.byteLength(part) > 255) || Buffer.byteLength(dir) > 4095;
  if (tooLong) throw new UsageError(`${option} に指定したフォルダの名前が長すぎます（${echoed(text, 160)}）。正しいフォルダを指定してください。`);
  try {
    if (statSync(dir).isDirectory()) return dir;
    throw new UsageError(`${option} に指定した ${echoed(text, 160)} はフォルダではありません。計画データのフォルダ（例: data）を指定してください。`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      ENOENT: "がありません",
      ENOTDIR: "の途中がフォルダではなくファイルです",
      ELOOP: "の途中のリンク（ショートカット）が循環しています",
      EACCES: "を開く権限がありません",
      ENAMETOOLONG: "の名前が長すぎます",
    };
    throw new UsageError(`${option} に指定したフォルダ ${echoed(text, 160)} ${why[code ?? ""] ?? `を開けません（${code}）`}。計画データのフォルダ（例: data）を指定してください。`, { cause: err });
  }
}

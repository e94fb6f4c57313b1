// What every command's option parsing shares: strict options with --help, the help texts, the
// --edition value.
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import { HELP } from "./help.js";
import { checkValues, echoed } from "./option-values.js";
import { EDITIONS, EDITION_JA, type EditionName } from "../editions.js";

export type OptionSpec = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

/** A command's options (strictly: an unknown option is a usage error), with -h/--help. */
export function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined> } {
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

/** Prints the help of `topic` (a command); exit code 0. */
export function help(topic: string): number {
  const text = HELP[topic];
  if (!text) throw new UsageError(`「${topic}」の説明はありません。\n\n${HELP.main}`);
  console.log(text);
  return 0;
}

export function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

/** The --edition value, or a usage error listing the editions. */
export function editionName(value: string | boolean | undefined): EditionName {
  const edition = String(value);
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    throw new UsageError(`版「${echoed(edition)}」はありません。使える版:\n${EDITIONS.map((e) => `  ${e.padEnd(9)} ${EDITION_JA[e]}`).join("\n")}`);
  }
  return edition as EditionName;
}

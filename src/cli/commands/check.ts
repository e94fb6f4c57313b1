// plan-press check: the data read and validated, nothing printed (no browser library is loaded).
import { checkData } from "../../check.js";
import { summarize } from "../../validate/diagnostic.js";
import { printDiagnostics } from "../terminal.js";
import { dataFolder } from "../option-values.js";
import { help, parse } from "../command-line.js";

export function run(args: string[]): number {
  const { values } = parse(args, { data: { type: "string", default: "data" } });
  if (values.help) return help("check");
  const result = checkData(dataFolder("--data", values.data));
  printDiagnostics(result.diagnostics);
  const ok = result.data !== undefined;
  console.error(ok ? `検証: 問題ありません（${summarize(result.diagnostics)}）` : `検証: ${summarize(result.diagnostics)}`);
  return ok ? 0 : 1;
}

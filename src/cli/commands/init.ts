// plan-press init: a new plan folder from the template, in the city's own name.
import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../../errors.js";
import { initPlan } from "../../init/init-plan.js";
import { shown } from "../terminal.js";
import { help } from "../command-line.js";

export function run(args: string[]): number {
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

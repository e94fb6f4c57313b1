// Quick shape check for data authors while plan-press check is being built:
//   npx tsx scripts/check-shape.ts policy data/policies/1-2.yaml
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { fileKinds, type FileKind } from "../src/validate/schema.ts";
const [kind, ...files] = process.argv.slice(2) as [FileKind, ...string[]];
let bad = 0;
for (const f of files) {
  const r = fileKinds[kind].schema.safeParse(parse(readFileSync(f, "utf8")));
  if (!r.success) { bad++; console.log(f, JSON.stringify(r.error.issues, null, 1)); } else console.log(f, "ok");
}
process.exit(bad ? 1 : 0);

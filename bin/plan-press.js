#!/usr/bin/env node
// Entry point: runs the compiled CLI (dist/), built by the setup step.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
if (!existsSync(cli)) {
  console.error("plan-press: プログラムがまだ準備されていません。README の Quick start の1行目（npm run setup …）を実行してください。");
  console.error("(dist/cli.js is missing: run the setup step)");
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));

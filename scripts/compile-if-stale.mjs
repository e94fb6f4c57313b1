#!/usr/bin/env node
// npm run build / check: compiles src/ first when any source is newer than the last compile, so
// an edit to src/ never silently runs the old dist/. Quick when nothing changed (file times only).
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "dist", ".compiled");

/** The newest modification time under `dir` (files only). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(path.join(root, "src")), statSync(path.join(root, "tsconfig.json")).mtimeMs, statSync(path.join(root, "package.json")).mtimeMs);
const compiled = existsSync(stamp) && existsSync(path.join(root, "dist", "cli.js")) ? statSync(stamp).mtimeMs : 0;
if (sources > compiled) {
  console.error("プログラムを更新しています（src/ が前回のコンパイルより新しいため）…");
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) {
    console.error("plan-press: TypeScript がありません。README の Quick start の1行目（npm run setup …）を実行してください。");
    process.exit(2);
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, [tsc, "-p", root], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("plan-press: src/ のコンパイルに失敗しました（上の TypeScript のエラーを直してください）。");
    process.exit(result.status ?? 1);
  }
  // Stamped with the start time: a source saved during the compile is compiled next time.
  writeFileSync(stamp, "");
  utimesSync(stamp, new Date(started), new Date(started));
}

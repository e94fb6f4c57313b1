// CLI tests run bin/plan-press.js, which runs dist/: compile first so it matches src/.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npx", ["--no-install", "tsc", "-p", "."], { stdio: "inherit" });
}

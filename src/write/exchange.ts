// Swapping two folders in one step (Linux renameat2 with RENAME_EXCHANGE): the web folder is
// always either the whole old set or the whole new one. Node has no call for it; perl (part of
// every Debian system: perl-base is essential) makes the system call. Where it is unavailable
// (another architecture, a file system without it) the caller falls back to two renames.
import { spawnSync } from "node:child_process";
import { testSwitch } from "./fault.js";

/** renameat2's number on the architectures Debian builds plan-press's machines on. */
const SYS_RENAMEAT2: Partial<Record<string, number>> = { x64: 316, arm64: 276, riscv64: 276, loong64: 276 };
const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2;

/** Exchanges two existing paths atomically; false when this system cannot (nothing changed then). */
export function exchangePaths(a: string, b: string): boolean {
  const nr = SYS_RENAMEAT2[process.arch];
  // Tests force the two-rename path (PLAN_PRESS_FAULT_NO_EXCHANGE) to check its recovery too.
  if (nr === undefined || testSwitch("NO_EXCHANGE")) return false;
  const script = `my $r = syscall($ARGV[0] + 0, ${AT_FDCWD}, $ARGV[1], ${AT_FDCWD}, $ARGV[2], ${RENAME_EXCHANGE}); exit($r == 0 ? 0 : (($! + 0) || 1));`;
  const result = spawnSync("perl", ["-e", script, String(nr), a, b], { stdio: "ignore", timeout: 10_000 });
  return result.status === 0;
}

// Processes of one plan-press run, never every process on the machine (other builds and test
// suites run beside these tests): Chromium by its profile folder, which names the plan-press
// process id (plan-press-chromium-<pid>-…), Ghostscript by its temporary folder
// (plan-press-pdfx-<pid>-…). Zombies (exited, not yet reaped by a container's init) are gone.
import { readdirSync, readFileSync } from "node:fs";

/** A process's state letter (R running, S sleeping, T stopped, Z zombie …), or undefined when gone. */
export function stateOf(pid: number): string | undefined {
  try {
    return /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1];
  } catch {
    return undefined;
  }
}

/** Live processes whose command line contains `needle`: their ids. */
export function processesWith(needle: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const state = stateOf(Number(name));
      if (state === undefined || state === "Z" || state === "X") continue;
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes(needle)) found.push(Number(name));
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}

/** Waits up to `ms` for the run's processes to go; returns those still there. */
export async function remaining(needle: string, ms = 3_000): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = processesWith(needle);
    if (left.length === 0 || Date.now() >= until) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Chromium processes of the plan-press process `pid` still running after up to 3 s. */
export const ownChromiums = (pid: number, ms = 3_000) => remaining(`plan-press-chromium-${pid}-`, ms);

/** Ghostscript (or anything) still working in the pdfx temporary folder of `pid` after up to 3 s. */
export const ownGhostscripts = (pid: number, ms = 3_000) => remaining(`plan-press-pdfx-${pid}-`, ms);

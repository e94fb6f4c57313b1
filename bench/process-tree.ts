// A command's cost as the machine sees it: wall time, the CPU time of the command and every
// process it started (Chromium's renderers included), and the peak memory of all of them
// together. CPU time is the steadier measure on a shared machine (others' work stretches the
// wall time, not ours); memory is summed proportionally (PSS), so pages Chromium's processes
// share are counted once.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface Cost {
  seconds: number;
  cpuSeconds: number;
  /** Peak of the summed proportional set size of the process tree, in bytes. */
  peakBytes: number;
}

const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) out.push(...read(`/proc/${pid}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number));
  return out;
}

function tree(root: number): number[] {
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return all;
}

/** CPU seconds used so far by the live processes under `root` (itself excluded), as /proc/PID/stat counts them. */
export function treeCpuSeconds(root: number): number {
  const ticks = tree(root)
    .slice(1)
    .reduce((sum, pid) => {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = read(`/proc/${pid}/stat`).split(") ").at(-1)?.split(" ") ?? [];
      return sum + (Number(fields[11]) || 0) + (Number(fields[12]) || 0);
    }, 0);
  return ticks / 100;
}

/** kB of proportional set size (falls back to resident size where smaps_rollup is unreadable). */
function pss(pid: number): number {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const m = /^Pss:\s+(\d+) kB/m.exec(rollup) ?? /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`));
  return m ? Number(m[1]) : 0;
}

/**
 * Runs `command` and measures it. CPU comes from the kernel's accounting of waited-for
 * descendants (GNU time's user + sys), memory from sampling the tree every `sampleMs`.
 */
export function measure(command: string, args: string[], options: { sampleMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Cost> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "%U %S", command, ...args], { env: options.env ?? process.env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const kb = tree(child.pid).reduce((sum, pid) => sum + pss(pid), 0);
      peak = Math.max(peak, kb * 1024);
    };
    // 0: no sampling (it costs the measured run time: reading Chromium's memory maps).
    const timer = options.sampleMs === 0 ? undefined : setInterval(sample, options.sampleMs ?? 150);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const times = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr);
      if (code !== 0 || !times) return reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr.slice(-2000)}`));
      resolve({ seconds, cpuSeconds: Number(times[1]) + Number(times[2]), peakBytes: peak });
    });
  });
}

// Child processes (Ghostscript, Chromium) never outlive plan-press. Each is started under
// `setpriv --pdeathsig SIGKILL` (util-linux, on every Debian system), so the kernel kills it the
// moment plan-press dies, even by SIGKILL; Ghostscript is also killed on Ctrl-C (the caller's
// AbortSignal) and by an exit hook. One orphaned anyway (plan-press killed in the instant between starting it and
// setpriv arming the signal) is found by the next run: its arguments name a temporary folder
// of a plan-press process that no longer exists.
import { execFile, type ChildProcess, type ExecFileOptions } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { testSwitch } from "./fault.js";

const live = new Set<ChildProcess>();
let hooked = false;

const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));

/**
 * The command line that starts `command` so that it dies with plan-press (setpriv --pdeathsig;
 * the signal survives the exec of the program and of a wrapper script such as Debian's
 * /usr/bin/chromium). Tests switch it off (PLAN_PRESS_FAULT_NO_PDEATHSIG) to leave an orphan.
 */
export function diesWithUs(command: string, args: string[]): [string, string[]] {
  return SETPRIV && !testSwitch("NO_PDEATHSIG") ? [SETPRIV, ["--pdeathsig", "SIGKILL", "--", command, ...args]] : [command, args];
}

/** execFile for a child that dies with plan-press; resolves with its stdout and stderr, rejects as execFile does. */
export function runOwned(command: string, args: string[], options: ExecFileOptions): Promise<{ stdout: string; stderr: string }> {
  if (!hooked) {
    // process.exit() (a second Ctrl-C) skips the callers' cleanup: the children go here.
    process.once("exit", () => {
      for (const child of live) child.kill("SIGKILL");
    });
    hooked = true;
  }
  const [file, argv] = diesWithUs(command, args);
  return new Promise((resolve, reject) => {
    const child = execFile(file, argv, { ...options, killSignal: "SIGKILL", encoding: "utf8" }, (err, stdout, stderr) => {
      live.delete(child);
      if (err) reject(Object.assign(err, { stdout: String(stdout), stderr: String(stderr) }));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
    live.add(child);
    child.stdin?.end();
  });
}

/**
 * Kills processes left by killed runs: any whose arguments name a plan-press temporary folder
 * (<tmpdir>/plan-press-pdfx-<pid>-XXXXXX) of a process that no longer exists. Returns their ids.
 */
export function killOrphans(): number[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  // Folders in this run's temporary root only: runs with another TMPDIR (a test's own) keep theirs.
  const folder = new RegExp(`${path.join(tmpdir(), "plan-press-pdfx-").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)-[A-Za-z0-9]{6}`);
  const killed: number[] = [];
  for (const pid of pids.map(Number)) {
    if (pid === process.pid) continue;
    let args: string;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    const owner = folder.exec(args)?.[1];
    if (!owner || Number(owner) === process.pid || alive(Number(owner))) continue;
    try {
      process.kill(pid, "SIGKILL");
      killed.push(pid);
    } catch {
      // Gone meanwhile, or not ours to kill.
    }
  }
  return killed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

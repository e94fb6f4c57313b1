// Temporary folders in the system's temporary folder, named plan-press-<kind>-<pid>-<random>: removed
// by their owner on every normal path (dispose in a finally block), by an exit hook when the
// process ends early, and — when the process was killed outright — by the next run, which
// recognises the folders of processes that no longer exist.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { killOrphans } from "./child-processes.js";

/** A temporary folder that must go when its work is done. */
export interface TempDir {
  dir: string;
  dispose(): void;
}

const PREFIX = "plan-press-";
const live = new Set<string>();
let hooked = false;

/** A new folder plan-press-<kind>-<pid>-XXXXXX; call dispose() in a finally block. */
export function makeTempDir(kind: string): TempDir {
  if (!/^[a-z]+$/.test(kind)) throw new Error(`temporary folder kind must be lowercase letters: ${kind}`);
  return removedOnExit(mkdtempSync(path.join(tmpdir(), `${PREFIX}${kind}-${process.pid}-`)));
}

/** A folder this process made elsewhere (the web edition's staging folder), removed as makeTempDir's are. */
export function removedOnExit(dir: string): TempDir {
  if (!hooked) {
    // 'exit' runs on process.exit() and a normal end, also after Ctrl-C's second press.
    process.once("exit", () => {
      for (const dir of live) rmSync(dir, { recursive: true, force: true });
    });
    hooked = true;
  }
  live.add(dir);
  return {
    dir,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      live.delete(dir);
    },
  };
}

/** Removes plan-press temporary folders whose process is gone (a run killed by SIGKILL or a power cut). */
export function sweepStaleTempDirs(root = tmpdir()): string[] {
  // Processes still working in those folders (Ghostscript orphaned by a kill) go first.
  if (root === tmpdir()) killOrphans();
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = /^plan-press-[a-z]+-(\d+)-[A-Za-z0-9]{6}$/.exec(name);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    rmSync(path.join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** True while a process with this id exists (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

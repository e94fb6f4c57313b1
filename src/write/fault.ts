// Fault injection, for tests only: PLAN_PRESS_FAULT names a step at which the run is killed
// (or a write fails, or Chromium is killed or stopped), so tests hit every step of every
// multi-file write and every step of printing deterministically instead of by timing. It is
// honoured only under vitest (VITEST is set in its workers and the CLI runs they spawn).
//
//   PLAN_PRESS_FAULT=files:rename:action-plan.pdf        SIGKILL plan-press right after that step
//   PLAN_PRESS_FAULT=web:stage:action-plan-04.pdf=error  that step fails with EIO instead
//   PLAN_PRESS_FAULT=chromium:Page.printToPDF:1=kill-chromium   kill the first Chromium there
//   …=kill-chromium-always / hang-chromium / hang-chromium-always (SIGSTOP: only a timeout sees it)
//   …=interrupt / terminate                               send plan-press SIGINT (Ctrl-C) / SIGTERM there
//   PLAN_PRESS_FAULT=list                                 print every step reached (to stderr)

export type FaultAction = "kill" | "error" | "interrupt" | "terminate" | "kill-chromium" | "kill-chromium-always" | "hang-chromium" | "hang-chromium-always";

const ACTIONS: readonly FaultAction[] = ["kill", "error", "interrupt", "terminate", "kill-chromium", "kill-chromium-always", "hang-chromium", "hang-chromium-always"];

/** The configured fault, or none (always none outside tests). */
export function configuredFault(): { point: string; action: FaultAction } | "list" | undefined {
  const value = process.env.PLAN_PRESS_FAULT;
  if (!value || !process.env.VITEST) return undefined;
  if (value === "list") return "list";
  const at = value.lastIndexOf("=");
  const action = at > 0 ? value.slice(at + 1) : "kill";
  if (!(ACTIONS as readonly string[]).includes(action)) return undefined;
  return { point: at > 0 ? value.slice(0, at) : value, action: action as FaultAction };
}

/** A test-only switch (PLAN_PRESS_FAULT_<NAME>=1 under vitest), e.g. NO_EXCHANGE. */
export function testSwitch(name: string): boolean {
  return Boolean(process.env.VITEST && process.env[`PLAN_PRESS_FAULT_${name}`]);
}

/**
 * A named step of a write (or of the process's life). With PLAN_PRESS_FAULT set to it, the run
 * is killed outright here (as by a power cut or kill -9), or the step fails.
 */
export function faultPoint(point: string): void {
  const fault = configuredFault();
  if (fault === undefined) return;
  if (fault === "list") {
    process.stderr.write(`plan-press-fault-point: ${point}\n`);
    return;
  }
  if (fault.point !== point) return;
  act(fault.action);
  if (fault.action === "error") throw Object.assign(new Error(`EIO: injected fault at ${point}`), { code: "EIO" });
}

/** The actions on plan-press itself. */
function act(action: FaultAction): void {
  if (action === "kill") process.kill(process.pid, "SIGKILL");
  if (action === "interrupt") process.kill(process.pid, "SIGINT");
  if (action === "terminate") process.kill(process.pid, "SIGTERM");
}

/** For the Chromium transport: what to do to the browser at this step, if anything. */
export function chromiumFault(point: string, launch: number): "kill" | "hang" | undefined {
  const fault = configuredFault();
  if (fault === undefined) return undefined;
  if (fault === "list") {
    process.stderr.write(`plan-press-fault-point: ${point}\n`);
    return undefined;
  }
  if (fault.point !== point) return undefined;
  // plan-press itself killed or interrupted at a step of printing.
  act(fault.action);
  const always = fault.action.endsWith("-always");
  if (!always && launch !== 1) return undefined;
  if (fault.action.startsWith("kill-chromium")) return "kill";
  if (fault.action.startsWith("hang-chromium")) return "hang";
  return undefined;
}

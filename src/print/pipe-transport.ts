// Chromium's DevTools pipe as puppeteer's transport: we hold the process, so its death closes the
// connection the moment it happens (every pending call fails at once instead of waiting out a
// timeout). Tests kill or stop Chromium here at a named step (write/fault.ts).
import type { ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { ConnectionTransport } from "puppeteer";
import { chromiumFault, configuredFault } from "../write/fault.js";

export const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * DevTools messages over Chromium's pipe (fd 3 to it, fd 4 from it, each message ended by NUL).
 * Closes as soon as the pipe or the process ends, which fails every pending call at once.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #pending: Buffer[] = [];
  #closed = false;
  #counts = new Map<string, number>();
  readonly #write: Writable;

  constructor(readonly child: ChildProcess, readonly launch: number) {
    this.#write = child.stdio[3] as Writable;
    const read = child.stdio[4] as Readable;
    read.on("data", (chunk: Buffer) => this.#dispatch(chunk));
    read.on("close", () => this.#end());
    read.on("error", () => this.#end());
    this.#write.on("error", () => this.#end());
    child.once("exit", () => this.#end());
  }

  send(message: string): void {
    if (this.#closed) return;
    this.#write.write(message);
    this.#write.write("\0");
    // Tests kill (or stop) Chromium at a named step: the nth call of a DevTools method.
    if (configuredFault() !== undefined) {
      const method = String((JSON.parse(message) as { method?: string }).method);
      const n = (this.#counts.get(method) ?? 0) + 1;
      this.#counts.set(method, n);
      injectFault(this.child, `chromium:${method}:${n}`, this.launch);
    }
  }

  close(): void {
    this.#closed = true;
  }

  #dispatch(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.#pending.push(chunk);
      return;
    }
    let message: Buffer = Buffer.concat([...this.#pending, chunk.subarray(0, end)]);
    this.#pending = [];
    for (;;) {
      const text = message.toString("utf8");
      // Delivered one by one, after the current call returns (as puppeteer's own transport does).
      setImmediate(() => this.onmessage?.(text));
      const start = end + 1;
      end = chunk.indexOf(0, start);
      if (end === -1) {
        if (start < chunk.length) this.#pending.push(chunk.subarray(start));
        return;
      }
      message = chunk.subarray(start, end);
    }
  }

  #end(): void {
    if (this.#closed) return;
    this.#closed = true;
    // At once (as puppeteer's own pipe transport): every pending call fails now.
    this.onclose?.();
  }
}

export function injectFault(child: ChildProcess, point: string, launch: number): void {
  const fault = chromiumFault(point, launch);
  if (fault && running(child)) child.kill(fault === "kill" ? "SIGKILL" : "SIGSTOP");
}


// The one owner of Chromium: finds an executable (or a remote endpoint), starts it with flags
// that keep it quiet on a closed network, and hands back something to close on every exit path.
// Chromium is started by us (not by puppeteer.launch) and spoken to over a pipe we hold, so its
// death is an 'exit' event the moment it happens, at every step: while starting, loading,
// printing or closing. Nothing waits for a timeout to find a dead browser.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import puppeteer, { type Browser, type Page, type PDFOptions } from "puppeteer";
import { BrowserError } from "../errors.js";
import { PipeTransport, injectFault, running } from "./pipe-transport.js";
import { diesWithUs } from "../write/child-processes.js";
import { fontFaces, type FontFace } from "../fonts.js";
import { fontconfigFile } from "./installed-fonts.js";

/** Where to render: a local executable (found or given) or a remote browser. */
export interface BrowserOptions {
  /** ws:// endpoint of a running Chrome (e.g. a pooled or browserless service). */
  wsEndpoint?: string;
  /** Milliseconds for launch, load and each print before the build gives up. */
  timeout: number;
}

/** A browser and whether its files are local (file:// works) or remote (assets are served). */
export interface BrowserHandle {
  browser: Browser;
  remote: boolean;
  executable?: string;
  /**
   * Rejects when the browser goes away on its own (crash, kill). Race work against it: over a
   * pipe, a dead Chromium leaves some pending calls unanswered instead of failing them.
   */
  gone: Promise<never>;
  /**
   * A tab for the first print, opened as soon as the browser answers (a new tab costs half a
   * second, spent while the booklet is still being rendered). Take it with openPage().
   */
  firstPage?: Promise<Page>;
  /** The booklet's faces, installed in this browser (one we launched): pages may ask for them by name. */
  installedFonts?: FontFace[];
  /** Closes it; `hung`: it stopped answering, so it is killed at once instead of asked first. */
  close(options?: { hung?: boolean }): Promise<void>;
}

// Chromium's headless shell first: the same engine and print path without the desktop browser
// around it (profile services, extensions, the window machinery). Measured on the sample: a
// start costs half the CPU, a build of the whole booklet about 30 % less, the pages the same.
// The binary itself, not Debian's /usr/bin wrapper script: one process fewer per start.
const SYSTEM_CANDIDATES = [
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
];

/** PUPPETEER_EXECUTABLE_PATH, else puppeteer's own download, else the system's Chromium/Chrome. */
export function findExecutable(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new BrowserError(`PUPPETEER_EXECUTABLE_PATH のブラウザがありません: ${fromEnv}\n環境変数を正しいパスにするか、削除してください。`);
    return fromEnv;
  }
  try {
    const own = puppeteer.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // No browser was downloaded by puppeteer (the project skips that download): look further.
  }
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  throw new BrowserError(
    [
      "Chromium が見つかりません。",
      "  セットアップ（README の Quick start の1行目）を実行するか、次のいずれかをしてください:",
      "  ・sudo apt-get install chromium-headless-shell",
      "  ・環境変数 PUPPETEER_EXECUTABLE_PATH に Chrome/Chromium のパスを設定する",
      "  ・--browser-ws-endpoint ws://… で起動済みのブラウザを指定する",
    ].join("\n"),
  );
}

/** How puppeteer names the headless mode of `executable`: the shell is headless by itself. */
export function headlessMode(executable: string): true | "shell" {
  return /headless[-_]shell/.test(path.basename(executable)) ? "shell" : true;
}

/** Chromium flags, each with its reason (a test starts a "remote" browser with them). */
export function launchArgs(): string[] {
  const args = [
    // The build machines reach no Google service: without these Chromium retries connections
    // and component downloads in the background during every build.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    // No GPU on servers; printing does not need one.
    "--disable-gpu",
    // Same glyph metrics whatever the machine's fontconfig says, so pagination is identical.
    "--font-render-hinting=none",
    // Containers give /dev/shm 64 MB, too little for a 100-page document.
    "--disable-dev-shm-usage",
    // Chromium preloads its address bar's popup (a WebUI page in a renderer of its own) at start:
    // 1.5–2.5 s of CPU per build for a window nobody sees. Puppeteer merges this list into its own.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
  ];
  // Chromium refuses to run as root with its sandbox (CI and containers run as root).
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}

const PROFILE_PREFIX = "plan-press-chromium-";

/**
 * Removes a profile folder. A helper of the browser still winding down may add a file meanwhile
 * (ENOTEMPTY): it is tried again every 50 ms for up to a second, without blocking (a synchronous
 * retry slept up to 1.5 s at the end of a build). A folder that stays is left for the next run
 * (never a failed build).
 */
async function removeProfile(profile: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(profile, { recursive: true, force: true });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  // removeStaleProfiles() takes it next time.
}

/** Profile folders of earlier runs whose process no longer exists (killed, power cut). */
function removeStaleProfiles(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      // Nothing writes there any more: one try; a folder that cannot be removed is not this build's concern.
      if ((err as NodeJS.ErrnoException).code === "ESRCH") {
        try {
          rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
        } catch {
          // left as it is
        }
      }
    }
  }
}

/** The browser did not start (or answer) in time. */
class LaunchTimeout extends Error {}

/** A limit on a wait; the work goes on, the caller stops waiting. */
export function withinTime<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LaunchTimeout(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * page.pdf() within `timeout` as a whole. Puppeteer's own timeout covers only the print command;
 * the PDF is then read from a stream under the connection's timeout, so a browser that stops
 * answering just after the print (seen on a busy machine) was waited for that long instead.
 */
export function printWithin(page: Page, options: PDFOptions & { timeout: number }): Promise<Uint8Array> {
  return withinTime(options.timeout, page.pdf(options));
}

/** Resolves when the process has exited (at once if it already has). */
function exitOf(child: ChildProcess): Promise<void> {
  return running(child) ? new Promise((resolve) => child.once("exit", () => resolve())) : Promise.resolve();
}

/** A promise that rejects (as a retriable fault) once the browser disconnects or its process exits. */
function whenGone(browser: Browser, child?: ChildProcess): Promise<never> {
  const gone = new Promise<never>((_, reject) => {
    const fail = () => reject(new BrowserError("Chromium が印刷の途中で終了しました（クラッシュまたは強制終了）。", { retriable: true }));
    // It may already be gone by the time anyone asks.
    if (!browser.connected || (child && !running(child))) return fail();
    browser.once("disconnected", fail);
    child?.once("exit", fail);
  });
  // Nobody may be racing against it when it rejects (after close()): that is not an error.
  gone.catch(() => undefined);
  return gone;
}

/** The work, or the browser's own end if it dies first (a dead browser may never answer). */
export function raceGone<T>(browser: BrowserHandle, work: Promise<T>): Promise<T> {
  return Promise.race([work, browser.gone]);
}

let launches = 0;

/** Launches (or connects to) the browser; the caller must close() it in a finally block. */
export async function openBrowser(options: BrowserOptions): Promise<BrowserHandle> {
  if (options.wsEndpoint) {
    try {
      const browser = await puppeteer.connect({ browserWSEndpoint: options.wsEndpoint, protocolTimeout: options.timeout });
      // A remote browser is shared: disconnect, never close it.
      return { browser, remote: true, gone: whenGone(browser), close: async () => browser.disconnect().catch(() => undefined) };
    } catch (cause) {
      throw new BrowserError(`ブラウザ（${options.wsEndpoint}）に接続できません。アドレスと、ブラウザが起動しているかを確認してください。`, { cause });
    }
  }
  const executable = findExecutable();
  // Our own profile folder, so one a killed run left behind can be recognised and removed.
  removeStaleProfiles();
  const profile = mkdtempSync(path.join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  const launch = ++launches;
  const args = [...puppeteer.defaultArgs({ headless: headlessMode(executable), userDataDir: profile, args: launchArgs() }), "--remote-debugging-pipe"];
  const faces = fontFaces();
  const fontconfig = fontconfigFile(faces);
  let child: ChildProcess;
  try {
    // Its own process group (as puppeteer does): a Ctrl-C in the terminal reaches plan-press, which
    // closes the browser, instead of killing it under a build that would take that for a crash.
    // When plan-press dies, even by SIGKILL, the kernel kills it (a Chromium still starting up
    // on a busy machine would notice the closed pipe only seconds later), and its helpers follow.
    const [file, argv] = diesWithUs(executable, args);
    child = spawn(file, argv, { detached: true, stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"], env: fontconfig ? { ...process.env, FONTCONFIG_FILE: fontconfig } : process.env });
  } catch (cause) {
    await removeProfile(profile);
    throw new BrowserError(`Chromium を起動できません（${executable}）: ${(cause as Error).message}`, { cause, retriable: false });
  }
  let log = "";
  child.stderr?.on("data", (d: Buffer) => (log = (log + d.toString("utf8")).slice(-2000)));
  const exited = new Promise<never>((_, reject) => {
    child.once("error", reject);
    child.once("exit", () => reject(new Error("Chromium exited while starting")));
  });
  exited.catch(() => undefined);
  injectFault(child, "chromium:spawn", launch);
  const connecting = puppeteer.connect({ transport: new PipeTransport(child, launch), protocolTimeout: options.timeout, defaultViewport: { width: 800, height: 600 } });
  let browser: Browser;
  // Ctrl-C while Chromium starts ends the start at once (not after --timeout): the caller, who
  // listens for the signal (the CLI), then reports the interruption. Without such a caller the
  // signal keeps its default meaning.
  const stopLaunch = () => void (running(child) && child.kill("SIGKILL"));
  const signals = (["SIGINT", "SIGTERM", "SIGHUP"] as const).filter((s) => process.listenerCount(s) > 0);
  for (const s of signals) process.on(s, stopLaunch);
  try {
    browser = await withinTime(options.timeout, Promise.race([connecting, exited]));
  } catch (cause) {
    // A closed pipe can be reported before the process's exit: give that a moment to arrive.
    if (!(cause instanceof LaunchTimeout)) await withinTime(1_000, exitOf(child)).catch(() => undefined);
    // Said before we kill it ourselves: did it die on its own, or not answer in time?
    const why = cause instanceof LaunchTimeout
      ? `${Number((options.timeout / 1000).toFixed(1))} 秒以内に起動しませんでした。`
      : child.signalCode
        ? `起動の途中で終了しました（クラッシュまたは強制終了、${child.signalCode}）。`
        : child.exitCode !== null
          ? `起動の途中で終了しました（終了コード ${child.exitCode}）。${lastLine(log)}`
          : `${(cause as Error).message.split("\n")[0]}。`;
    // A connection that completes after we gave up on it is dropped; the browser is killed.
    connecting.then((late) => late.disconnect(), () => undefined).catch(() => undefined);
    if (running(child)) child.kill("SIGKILL");
    await withinTime(5_000, exitOf(child)).catch(() => undefined);
    await removeProfile(profile);
    throw new BrowserError(`Chromium を起動できません（${executable}）: ${why}`, { cause, retriable: true });
  } finally {
    for (const s of signals) process.off(s, stopLaunch);
  }
  // The tab Chromium opens at start (about:blank) is the first print's: a new one would start a
  // second renderer process (0.4 s of CPU and 0.2 s per build). Taken now, awaited by the first
  // print (a failure is the print's to report).
  const firstPage = browser.pages().then((pages) => pages[0] ?? browser.newPage());
  firstPage.catch(() => undefined);
  return {
    browser,
    remote: false,
    executable,
    firstPage,
    gone: whenGone(browser, child),
    ...(fontconfig ? { installedFonts: faces } : {}),
    close: async ({ hung = false } = {}) => {
      // A browser that is already gone cannot answer "close" (over a pipe the call would hang).
      // It may die meanwhile: its exit ends the wait as well.
      if (hung) await browser.disconnect().catch(() => undefined);
      else if (running(child) && browser.connected) await withinTime(2_000, Promise.race([browser.close(), exitOf(child)])).catch(() => undefined);
      else await browser.disconnect().catch(() => undefined);
      // If close() could not reach it (hung, stopped or crashed), make sure no Chromium outlives us.
      if (running(child)) child.kill("SIGKILL");
      await withinTime(5_000, exitOf(child)).catch(() => undefined);
      await removeProfile(profile);
    },
  };
}

/** A wait that ran out: the browser is alive but not answering. */
export function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === "TimeoutError" || /timed out|timeout/i.test(err.message));
}

/** A tab to print in: the one opened at launch if it is still unused, or a new one. */
export function openPage(handle: BrowserHandle): Promise<Page> {
  const page = handle.firstPage;
  handle.firstPage = undefined;
  return page ?? handle.browser.newPage();
}

/** The last line Chromium wrote to stderr, as a hint in the launch error. */
function lastLine(log: string): string {
  const line = log.trim().split("\n").at(-1)?.trim();
  return line ? `（${line.slice(0, 200)}）` : "";
}

// The command line: finds the command, loads only its module (so `--help` and `check` start at
// once, without the browser, chart and spreadsheet libraries), runs it, and turns errors into
// Japanese-first messages and exit codes. Known errors print cleanly; others are bugs and print
// their stack. Each command's options and output are in cli/commands/<name>.ts.
import { UsageError } from "./errors.js";
import { VERSION } from "./version.js";
import { HELP } from "./cli/help.js";
import { help } from "./cli/command-line.js";
import { report } from "./cli/terminal.js";
import { sweepStaleTempDirs } from "./write/temp-dirs.js";

type Command = { run(args: string[]): number | Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  build: () => import("./cli/commands/build.js"),
  check: () => import("./cli/commands/check.js"),
  pages: () => import("./cli/commands/pages.js"),
  diff: () => import("./cli/commands/diff.js"),
  preview: () => import("./cli/commands/preview.js"),
  init: () => import("./cli/commands/init.js"),
  sheet: () => import("./cli/commands/sheet.js"),
  report: () => import("./cli/commands/report.js"),
  schema: () => import("./cli/commands/schema.js"),
};

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = "help", ...rest] = argv;
  try {
    if (command === "help" || command === "--help" || command === "-h") return help(rest[0] ?? "main");
    if (command === "--version" || command === "-v") {
      console.log(VERSION);
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(`コマンド「${command}」はありません。\n\n${HELP.main}`);
    // Folders a killed earlier run could not remove (its exit hook never ran) go first.
    sweepStaleTempDirs();
    return await (await load()).run(rest);
  } catch (err) {
    return report(err);
  }
}

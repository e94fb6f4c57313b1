// Watches the folders a booklet is made from (data, templates, styles) and reports a burst of
// saves as one change. Editors save in several steps (write a temporary file, rename it), so
// events are gathered for a short while before anyone rebuilds.
import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

/** Files whose change can change the booklet; editor swap and backup files are not among them. */
const SOURCE = /\.(ya?ml|md|hbs|css|png|svg|jpe?g|json)$/i;

/** Calls `onChange` with the changed files, once per burst of saves; returns a function that stops watching. */
export function watchSources(dirs: string[], onChange: (files: string[]) => void, settleMs = 60): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const dir of dirs.filter((d) => existsSync(d))) {
    // Recursive watching is native on macOS/Windows and emulated by Node on Linux (Node ≥ 20).
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      const file = name ? path.join(dir, name.toString()) : dir;
      if (name && !SOURCE.test(file)) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending = new Set();
        onChange(files);
      }, settleMs);
    });
    // A folder removed while watched ends its watcher; the others go on.
    watcher.on("error", () => watcher.close());
    watchers.push(watcher);
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

// Watches the folders a booklet is made from (data, templates, styles) and reports a burst of
// saves as one change. Editors save in several steps (write a temporary file, rename it over
// the old one), so events are gathered for a short while before anyone rebuilds.
//
// Each folder is watched by itself (not with { recursive: true }): on Linux, Node 20 emulates
// recursive watching with a watch per file, which is lost when an editor replaces the file by
// renaming, so later saves of that file went unnoticed. A folder's own watch sees every entry
// that is written, created or renamed in it, however the editor saves.
import { existsSync, readdirSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

/** Files whose change can change the booklet; editor swap and backup files are not among them. */
const SOURCE = /\.(ya?ml|md|hbs|css|png|svg|jpe?g|json)$/i;

/** Calls `onChange` with the changed files, once per burst of saves; returns a function that stops watching. */
export function watchSources(dirs: string[], onChange: (files: string[]) => void, settleMs = 60): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, FSWatcher>();

  const changed = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending = new Set();
      onChange(files);
    }, settleMs);
  };

  const follow = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const file = name ? path.join(dir, name.toString()) : dir;
        // A new sub-folder (e.g. a folder of new policies) is followed from now on.
        if (name && !SOURCE.test(file)) return void followTree(file);
        changed(file);
      });
    } catch {
      return; // gone meanwhile, or not a folder
    }
    // A folder removed while watched ends its watcher; the others go on.
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };

  const followTree = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    follow(dir);
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith(".")) followTree(path.join(dir, entry.name));
  };

  for (const dir of dirs.filter((d) => existsSync(d))) followTree(dir);
  return () => {
    clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}

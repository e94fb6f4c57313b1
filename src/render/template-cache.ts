// The booklet's templates compiled to JavaScript once, not on every build: compiling them was a
// sixth of the render stage. Handlebars' own precompiled form is kept under node_modules/.cache,
// keyed by a digest of the templates' text, the compile options and Handlebars' version; a
// missing, stale or damaged store is compiled again. The partials are compiled with the main
// template's options, as Handlebars compiles a partial given as text.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Handlebars from "handlebars";
import { PROJECT_ROOT } from "../paths.js";

const STORE = path.join(PROJECT_ROOT, "node_modules", ".cache", "plan-press", "templates.json");

interface Stored {
  key: string;
  main: string;
  partials: Array<[string, string]>;
}

/** The main template, its partials registered on `hb`, from the store when it matches. */
export function compileTemplates(hb: typeof Handlebars, main: string, partials: Array<[string, string]>, options: CompileOptions, store = STORE): HandlebarsTemplateDelegate {
  // `data: true` is what compile() adds when not given; the partials inherit the same.
  const compileOptions = { data: true, ...options };
  const key = createHash("sha256").update(JSON.stringify([hb.VERSION, compileOptions, main, partials])).digest("hex");
  let stored: Stored | undefined;
  try {
    const read = JSON.parse(readFileSync(store, "utf8")) as Stored;
    if (read.key === key && typeof read.main === "string" && Array.isArray(read.partials)) stored = read;
  } catch {
    // None yet, or unreadable: compiled below.
  }
  if (!stored) {
    // precompile() returns JavaScript source (its type says otherwise).
    const precompile = (text: string) => hb.precompile(text, compileOptions) as unknown as string;
    stored = { key, main: precompile(main), partials: partials.map(([name, text]) => [name, precompile(text)]) };
    try {
      mkdirSync(path.dirname(store), { recursive: true });
      // Whole or not at all: other plan-press processes may read it meanwhile.
      const temp = `${store}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(stored));
      renameSync(temp, store);
    } catch {
      // A read-only install: compiled again next time.
    }
  }
  // Handlebars' precompiled form is a JavaScript object literal (functions included).
  const spec = (source: string) => new Function(`return ${source};`)() as TemplateSpecification;
  const { main: mainSource, partials: partialSources } = stored;
  for (const [name, source] of partialSources) hb.registerPartial(name, hb.template(spec(source)));
  return hb.template(spec(mainSource));
}

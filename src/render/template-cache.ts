// The booklet's templates compiled to JavaScript once, not on every build: compiling them was a
// sixth of the render stage. Handlebars' own precompiled form is kept between runs
// (cache-store.ts), keyed by a digest of the templates' text, the compile options and
// Handlebars' version. The partials are compiled with the main
// template's options, as Handlebars compiles a partial given as text.
import { createHash } from "node:crypto";
import path from "node:path";
import type Handlebars from "handlebars";
import { CACHE_DIR, readStored, writeStored } from "../cache-store.js";

const STORE = path.join(CACHE_DIR, "templates.json");

interface Stored {
  main: string;
  partials: Array<[string, string]>;
}

/** The main template, its partials registered on `hb`, from the store when it matches. */
export function compileTemplates(hb: typeof Handlebars, main: string, partials: Array<[string, string]>, options: CompileOptions, store = STORE): HandlebarsTemplateDelegate {
  // `data: true` is what compile() adds when not given; the partials inherit the same.
  const compileOptions = { data: true, ...options };
  const key = createHash("sha256").update(JSON.stringify([hb.VERSION, compileOptions, main, partials])).digest("hex");
  let stored = readStored<Stored>(store, key, (v) => typeof v.main === "string" && Array.isArray(v.partials));
  if (!stored) {
    // precompile() returns JavaScript source (its type says otherwise).
    const precompile = (text: string) => hb.precompile(text, compileOptions) as unknown as string;
    stored = { main: precompile(main), partials: partials.map(([name, text]) => [name, precompile(text)]) };
    writeStored(store, key, stored);
  }
  // Handlebars' precompiled form is a JavaScript object literal (functions included).
  const spec = (source: string) => new Function(`return ${source};`)() as TemplateSpecification;
  const { main: mainSource, partials: partialSources } = stored;
  for (const [name, source] of partialSources) hb.registerPartial(name, hb.template(spec(source)));
  return hb.template(spec(mainSource));
}

// Writes schema/*.schema.json from the zod schema, for the yaml-language-server comment at the
// top of every data file (VS Code completion and live errors while staff type).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../paths.js";
import { fileKinds } from "./schema.js";

/** The JSON Schema of each file kind, as the editor should see it (input side). */
export function jsonSchemas(): Array<{ file: string; schema: unknown }> {
  return Object.values(fileKinds).map(({ schema, jsonSchema }) => ({
    file: jsonSchema,
    schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
  }));
}

/** Writes every schema file; returns their paths. */
export function writeJsonSchemas(dir = path.join(PROJECT_ROOT, "schema")): string[] {
  mkdirSync(dir, { recursive: true });
  return jsonSchemas().map(({ file, schema }) => {
    const target = path.join(dir, file);
    writeFileSync(target, JSON.stringify(schema, null, 2) + "\n");
    return path.relative(process.cwd(), target);
  });
}

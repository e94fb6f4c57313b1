// plan-press schema: the JSON Schemas of the data files, for editors.
import { writeJsonSchemas } from "../../validate/json-schema.js";
import { help, wantsHelp } from "../command-line.js";

export function run(args: string[]): number {
  if (wantsHelp(args)) return help("schema");
  for (const file of writeJsonSchemas()) console.log(file);
  return 0;
}

// The package version, part of the document ID (same data and version → same bytes).
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./paths.js";

/** plan-press's version from package.json. */
export const VERSION: string = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).version;

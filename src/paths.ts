// Where the project's own files are, wherever the command is run from.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder (holds templates/, styles/, assets/); src/ and dist/ sit one level down. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

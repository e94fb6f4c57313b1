// The booklet's faces as fonts installed in our own Chromium. A web font's file is read and
// checked again on every page load: 0.6–1.1 s for the three BIZ UD files, most of a small
// document's print. The Chromium plan-press launches is given the same pinned files through a
// fontconfig file of its own (only these files answer to these names), and the page asks for
// each face by name first: `local("BIZUDPGothic-Regular"), url(…)`. Same files, same glyphs,
// same pages; a browser without them (a remote one) falls through to the url. The HTML written
// beside the PDF names only the files, as before: a reader's browser with another version of
// the face installed must not pick that one.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fontFaceRule, type FontFace } from "../fonts.js";
import { CACHE_DIR } from "../cache-store.js";

const FONTCONFIG_DIR = path.join(CACHE_DIR, "fontconfig");

/** The start of a face's rule up to its file (`url(…`), as fontFaceRule writes it, and with the face's name first. */
function ruleStarts(face: FontFace): { byFile: string; byName: string } {
  const byFile = fontFaceRule(face, "url(").slice(0, -"; }".length);
  return { byFile, byName: byFile.replace(/url\($/, `local("${face.postscriptName}"), url(`) };
}

/** The HTML with each face asked for by name before its file. */
export function withInstalledFonts(html: string, faces: FontFace[]): string {
  return swapRules(html, faces, "byFile", "byName");
}

/** The HTML as written beside the PDF: the faces by their files only. */
export function withoutInstalledFonts(html: string, faces: FontFace[]): string {
  return swapRules(html, faces, "byName", "byFile");
}

function swapRules(html: string, faces: FontFace[], from: "byFile" | "byName", to: "byFile" | "byName"): string {
  let out = html;
  for (const face of faces) {
    const rule = ruleStarts(face);
    out = out.split(rule[from]).join(rule[to]);
  }
  return out;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A fontconfig file: the system's fonts (so a glyph the faces lack still falls back visibly, and
 * the font check names it), plus the pinned files, which alone may answer to the faces' family
 * names (a system copy of BIZ UD of another version is rejected).
 */
export function fontconfigText(faces: FontFace[], system: string, cacheDir: string): string {
  const families = [...new Set(faces.map((f) => f.family))];
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    "<!-- Written by plan-press for the Chromium it launches (src/print/installed-fonts.ts). -->",
    "<fontconfig>",
    `  <include ignore_missing="yes">${xml(system)}</include>`,
    ...[...new Set(faces.map((f) => path.dirname(f.file)))].map((dir) => `  <dir>${xml(dir)}</dir>`),
    `  <cachedir>${xml(cacheDir)}</cachedir>`,
    "  <selectfont>",
    "    <acceptfont>",
    // A pattern, not a glob: only an accepting pattern overrides a rejecting one.
    ...faces.map((f) => `      <pattern><patelt name="file"><string>${xml(f.file)}</string></patelt></pattern>`),
    "    </acceptfont>",
    "    <rejectfont>",
    ...families.map((family) => `      <pattern><patelt name="family"><string>${xml(family)}</string></patelt></pattern>`),
    "    </rejectfont>",
    "  </selectfont>",
    "</fontconfig>",
    "",
  ].join("\n");
}

/**
 * The fontconfig file for our Chromium (written once, kept with the project's other caches), or
 * undefined where it cannot be written: the faces are then loaded from their files, as a remote
 * browser does.
 */
export function fontconfigFile(faces: FontFace[], cacheDir = FONTCONFIG_DIR): string | undefined {
  const file = path.join(cacheDir, "fonts.conf");
  const text = fontconfigText(faces, process.env.FONTCONFIG_FILE || "/etc/fonts/fonts.conf", cacheDir);
  try {
    if (readFileSync(file, "utf8") === text) return file;
  } catch {
    // Not written yet.
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Whole or not at all: another plan-press may be launching its Chromium with it.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
    return file;
  } catch {
    return undefined;
  }
}

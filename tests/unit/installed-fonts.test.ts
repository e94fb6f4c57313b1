// Our Chromium gets the pinned faces as installed fonts (src/print/installed-fonts.ts): the page
// asks for them by name, fontconfig answers with the pinned files only, and the HTML written
// beside the PDF names the files alone. Read back with fontconfig's own fc-list / fc-match.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontFaces } from "../../src/fonts.js";
import { fontFaceCss } from "../../src/render/render-html.js";
import { fontconfigFile, fontconfigText, withInstalledFonts, withoutInstalledFonts } from "../../src/print/installed-fonts.js";

const faces = fontFaces();

describe("the faces asked for by name", () => {
  it("puts each face's name before its file in the booklet's own rules, and takes it out again exactly", () => {
    const html = `<style>${fontFaceCss("/tmp/out", faces)}</style><p>src: url(x)</p>`;
    const installed = withInstalledFonts(html, faces);
    for (const face of faces) expect(installed).toContain(`src: local("${face.postscriptName}"), url("`);
    expect(installed.match(/local\(/g)).toHaveLength(faces.length);
    // Text that only looks like a rule is left alone.
    expect(installed).toContain("<p>src: url(x)</p>");
    expect(withoutInstalledFonts(installed, faces)).toBe(html);
  });
});

describe("the fontconfig file of our Chromium", () => {
  const fc = (config: string, command: string, ...args: string[]) =>
    execFileSync(command, args, { encoding: "utf8", env: { ...process.env, FONTCONFIG_FILE: config } });

  it("lets only the pinned files answer to the faces' names, even with another copy installed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-fc-"));
    // A "system" copy of a face (another version, as a Debian package would install it).
    const system = path.join(dir, "system");
    mkdirSync(system);
    copyFileSync(faces[0]!.file, path.join(system, "BIZUDPGothic-Regular.ttf"));
    const systemConf = path.join(dir, "system.conf");
    writeFileSync(systemConf, `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${system}</dir></fontconfig>\n`);
    expect(fc(systemConf, "fc-list", ":family=BIZ UDPGothic", "file")).toContain(system);

    const ours = path.join(dir, "ours");
    mkdirSync(ours);
    const config = path.join(ours, "fonts.conf");
    writeFileSync(config, fontconfigText(faces, systemConf, ours));
    const listed = fc(config, "fc-list", ":", "file", "postscriptname").trim().split("\n");
    const named = listed.filter((l) => /BIZUDP/.test(l)).map((l) => l.split(":")[0]).sort();
    expect(named).toEqual(faces.map((f) => f.file).sort());
    // Each face by its name, as Chromium's local() asks: the pinned file.
    for (const face of faces) expect(fc(config, "fc-match", "-f", "%{file}", `:postscriptname=${face.postscriptName}`)).toBe(face.file);
    // The system's other fonts stay (a glyph the faces lack still falls back, and the font check names it).
    expect(listed.length).toBeGreaterThan(faces.length);
  });

  it("is written once into the cache folder, and again only when it differs", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-fc-")), "cache");
    const file = fontconfigFile(faces, dir)!;
    expect(file).toBe(path.join(dir, "fonts.conf"));
    const text = readFileSync(file, "utf8");
    writeFileSync(file, "stale");
    expect(fontconfigFile(faces, dir)).toBe(file);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("is not used where it cannot be written (the faces are then loaded from their files)", () => {
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-fc-")), "a-file");
    writeFileSync(blocker, "");
    expect(fontconfigFile(faces, path.join(blocker, "cache"))).toBeUndefined();
  });
});

// --pdfx: the print edition converted by Ghostscript (Debian package `ghostscript`) to CMYK
// PDF/X-3:2002 with an output intent, for the print shop (入稿). Chromium writes RGB only and
// no PDF/X; Ghostscript 10 writes PDF/X-3. Links, bookmarks and tags are not allowed in or
// not needed by a press file and are removed before the conversion (Ghostscript otherwise
// falls back to plain PDF). Fonts stay embedded and text stays text.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { PlanPressError } from "../errors.js";
import { PROJECT_ROOT } from "../paths.js";
import { makeTempDir } from "../write/temp-dirs.js";
import { runOwned } from "../write/child-processes.js";
import { faultPoint } from "../write/fault.js";
import { VERSION } from "../version.js";

/** The output intent: which printing condition the CMYK values are for. */
export interface OutputIntent {
  profile: string;
  condition: string;
  identifier: string;
  /** True when no profile of the print shop's was found and Ghostscript's own was used. */
  fallback: boolean;
}

export interface PdfxResult {
  pdf: Uint8Array;
  version: string;
  intent: OutputIntent;
}

const ICC_DIR = path.join(PROJECT_ROOT, "assets", "icc");
// Registered characterizations (ICC registry, color.org) for the profiles print shops hand out.
const KNOWN_PROFILES: Array<{ match: RegExp; condition: string; identifier: string }> = [
  { match: /japan\s*color\s*2001\s*coated/i, condition: "Japan Color 2001 Coated", identifier: "JC200103" },
  { match: /japan\s*color\s*2011\s*coated/i, condition: "Japan Color 2011 Coated", identifier: "JC2011" },
  { match: /japan\s*color\s*2001\s*uncoated/i, condition: "Japan Color 2001 Uncoated", identifier: "JC200104" },
];

/** The profile in assets/icc/ (the print shop's, e.g. JapanColor2001Coated.icc), else Ghostscript's default CMYK. */
export function outputIntent(): OutputIntent {
  const own = existsSync(ICC_DIR) ? readdirSync(ICC_DIR).filter((f) => /\.(icc|icm)$/i.test(f)).sort() : [];
  if (own.length > 0) {
    const file = own[0]!;
    const name = file.replace(/\.(icc|icm)$/i, "").replace(/[_-]+/g, " ");
    const known = KNOWN_PROFILES.find((p) => p.match.test(name));
    return { profile: path.join(ICC_DIR, file), condition: known?.condition ?? name, identifier: known?.identifier ?? name, fallback: false };
  }
  const gsProfile = ghostscriptProfile();
  return {
    profile: gsProfile, condition: "Artifex CMYK SWOP Profile (Ghostscript default CMYK)", identifier: "CGATS TR 001", fallback: true,
  };
}

/** Converts a finished print-edition PDF to PDF/X-3 (CMYK, output intent, boxes kept). */
export async function convertToPdfx(input: Uint8Array, options: { title: string; fingerprint: string; date: Date; timeout: number; signal?: AbortSignal }): Promise<PdfxResult> {
  const gs = await ghostscriptVersion();
  const intent = outputIntent();
  const temp = makeTempDir("pdfx");
  const work = temp.dir;
  try {
    const source = path.join(work, "in.pdf");
    const def = path.join(work, "pdfx-def.ps");
    const out = path.join(work, "out.pdf");
    writeFileSync(source, await pressInput(input));
    writeFileSync(def, pdfxDefinition(options.title, intent));
    const args = [
      "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", `--permit-file-read=${intent.profile}`, `--permit-file-read=${work}/`,
      "-dPDFX", "-sDEVICE=pdfwrite", "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
      "-dEmbedAllFonts=true", "-dSubsetFonts=true", "-dAutoRotatePages=/None",
      // Ghostscript 10.0–10.2's new PDF reader loses some characters' Unicode (text extracts
      // wrong); its older reader, still present there, keeps them.
      ...(gs.major === 10 && gs.minor <= 2 ? ["-dNEWPDF=false"] : []),
      `-sOutputFile=${out}`, def, source,
    ];
    // Ghostscript dates its output by SOURCE_DATE_EPOCH when set: the booklet's date, as the other editions.
    const stderr = await run("gs", args, options.timeout, options.signal, { ...process.env, SOURCE_DATE_EPOCH: String(Math.floor(options.date.getTime() / 1000)) });
    if (/reverting to normal PDF output/i.test(stderr) || !existsSync(out)) {
      throw new PlanPressError(`Ghostscript が PDF/X に変換できませんでした。\n${stderr.trim().split("\n").slice(0, 5).join("\n")}`);
    }
    const pdf = fixedId(readFileSync(out), options.fingerprint);
    return { pdf, version: await checkPdfx(pdf), intent };
  } finally {
    temp.dispose();
  }
}

/** Ghostscript's major and minor version, or a clear error naming the package to install. */
async function ghostscriptVersion(): Promise<{ major: number; minor: number }> {
  let text: string;
  try {
    text = await new Promise<string>((resolve, reject) => execFile("gs", ["--version"], (err, out) => (err ? reject(err) : resolve(out))));
  } catch {
    throw new PlanPressError(
      "PDF/X への変換には Ghostscript が必要です。README の Quick start の1行目（セットアップ）を実行するか、" +
        "sudo apt-get install ghostscript（Debian パッケージ ghostscript）で入れてください。",
    );
  }
  const [major = 0, minor = 0] = text.trim().split(".").map(Number);
  return { major, minor };
}

/** Ghostscript's own CMYK profile (default_cmyk.icc), wherever this installation keeps it. */
function ghostscriptProfile(): string {
  const root = "/usr/share/ghostscript";
  const found = existsSync(root)
    ? readdirSync(root).map((v) => path.join(root, v, "iccprofiles", "default_cmyk.icc")).find((f) => existsSync(f))
    : undefined;
  if (!found) {
    throw new PlanPressError(
      "CMYK の ICC プロファイルが見つかりません。印刷所の指定するプロファイル（例: JapanColor2001Coated.icc）を assets/icc/ に置いてください。",
    );
  }
  return found;
}

/** The press file's input: the print edition without links, bookmarks and tags. */
async function pressInput(input: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  for (const page of doc.getPages()) {
    page.node.delete(PDFName.of("Annots"));
    page.node.delete(PDFName.of("StructParents"));
  }
  for (const key of ["Outlines", "StructTreeRoot", "MarkInfo", "Metadata", "PageMode", "Dests", "ViewerPreferences"]) doc.catalog.delete(PDFName.of(key));
  return doc.save({ useObjectStreams: false });
}

/** The pdfmark program that declares PDF/X-3 and its output intent (after Ghostscript's PDFX_def.ps). */
function pdfxDefinition(title: string, intent: OutputIntent): string {
  const text = (s: string) => `<FEFF${Buffer.from(s, "utf16le").swap16().toString("hex").toUpperCase()}>`;
  const ps = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return `%!PS
% Generated by plan-press: PDF/X-3:2002 with ${intent.condition}.
[ /GTS_PDFXVersion (PDF/X-3:2002) /Title ${text(title)} /Creator (plan-press ${VERSION}) /Trapped /False /DOCINFO pdfmark
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} ${ps(intent.profile)} (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} <<
  /Type /OutputIntent /S /GTS_PDFX
  /OutputCondition ${ps(intent.condition)} /Info ${ps(intent.condition)}
  /OutputConditionIdentifier ${ps(intent.identifier)} /RegistryName (http://www.color.org)
  /DestOutputProfile {icc_PDFX}
>> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}

/**
 * Runs Ghostscript with a time limit; resolves with its stderr. It dies with plan-press (Ctrl-C,
 * SIGTERM, even SIGKILL: write/child-processes.ts).
 */
async function run(command: string, args: string[], timeout: number, signal: AbortSignal | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const running = runOwned(command, args, { timeout, signal, env, maxBuffer: 16 * 1024 * 1024 });
  // Tests kill plan-press here, while Ghostscript works, and check that it goes too.
  faultPoint("pdfx:gs");
  try {
    return (await running).stderr;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
    if (signal?.aborted) throw new PlanPressError("中断しました。");
    if (e.killed) throw new PlanPressError(`Ghostscript が ${Math.round(timeout / 1000)} 秒以内に終わりませんでした。--timeout で待ち時間を延ばしてください。`);
    throw new PlanPressError(`Ghostscript が失敗しました: ${String(e.stderr || e.message).trim().split("\n")[0]}`, { cause: err });
  }
}

/** Ghostscript stamps a time-based /ID; replace it (same length) with one from the inputs. */
function fixedId(pdf: Buffer, fingerprint: string): Uint8Array {
  const text = pdf.toString("latin1");
  const id = createHash("md5").update(fingerprint).digest("hex").toUpperCase();
  const patched = text.replace(/\/ID \[<([0-9A-Fa-f]{32})><([0-9A-Fa-f]{32})>\]/g, `/ID [<${id}><${id}>]`);
  return Buffer.from(patched, "latin1");
}

/** Reads the result back: PDF/X version, output intent, trim and bleed boxes on every page. */
async function checkPdfx(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const version = info.lookupMaybe(PDFName.of("GTS_PDFXVersion"), PDFString)?.decodeText();
  const intents = doc.catalog.lookupMaybe(PDFName.of("OutputIntents"), PDFArray);
  const intent = intents?.lookupMaybe(0, PDFDict);
  const boxes = doc.getPages().every((p) => p.node.get(PDFName.of("TrimBox")) && p.node.get(PDFName.of("BleedBox")));
  if (!version || intent?.get(PDFName.of("S")) !== PDFName.of("GTS_PDFX") || !intent.get(PDFName.of("DestOutputProfile")) || !boxes) {
    throw new PlanPressError("Ghostscript の出力が PDF/X になっていません（出力インテントか仕上がり・塗り足しの範囲がありません）。");
  }
  return version;
}

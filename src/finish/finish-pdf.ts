// Stage 6, finish: what Chromium cannot write. Bookmarks nested as the TOC, /PageLabels matching
// the printed numbers, document information, language, displayed title, and fixed dates and ID
// so the same data gives the same bytes. The document is edited in place, so the tag
// structure Chromium wrote stays intact.
import { createHash } from "node:crypto";
import {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString,
} from "pdf-lib";
import type { TocEntry } from "../model/types.js";
import { renumberStructureIds } from "./structure-ids.js";
import { addPrintMarks, type MarkSpec } from "./print-marks.js";
import "./native-deflate.js";

/** Facts for the document information and XMP metadata. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** Creation and modification date (SOURCE_DATE_EPOCH or the edition's date). */
  date: Date;
  /** Stable input fingerprint: the document ID is derived from it. */
  fingerprint: string;
}

/** Finishes the printed PDF and returns the bytes to write. */
export async function finishPdf(
  doc: PDFDocument,
  toc: TocEntry[],
  pages: Map<string, number>,
  frontPages: number,
  info: DocumentInfo,
  extras: { marks?: MarkSpec; bodyStart?: number } = {},
): Promise<Uint8Array> {
  renumberStructureIds(doc);
  if (extras.marks) addPrintMarks(doc, extras.marks);
  setInfo(doc, info);
  setPageLabels(doc, frontPages, extras.bodyStart ?? 1);
  setOutline(doc, toc, pages);
  doc.catalog.set(PDFName.of("Lang"), PDFString.of("ja"));
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  doc.catalog.set(PDFName.of("PageLayout"), PDFName.of("TwoPageRight"));
  doc.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
  // A fixed ID (from the inputs, not the clock) keeps builds byte-identical.
  const id = PDFHexString.of(createHash("md5").update(info.fingerprint).digest("hex"));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  // Written without pausing every 50 objects (pdf-lib's default, for UIs): a quarter less time.
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

function setInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.creator);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  doc.setLanguage("ja");
  const xmp = xmpPacket(info);
  // UTF-8 bytes: pdf-lib would keep only the low byte of each character of a JS string.
  const bytes = new TextEncoder().encode(xmp);
  const stream = doc.context.stream(bytes, { Type: "Metadata", Subtype: "XML", Length: bytes.length });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
}

/** Front matter i, ii, …; the body from `bodyStart` (1 for the booklet, a chapter's first number for its file). */
function setPageLabels(doc: PDFDocument, frontPages: number, bodyStart: number): void {
  const nums: unknown[] = [];
  if (frontPages > 0) nums.push(0, { S: PDFName.of("r") });
  if (frontPages < doc.getPageCount()) nums.push(frontPages, { S: PDFName.of("D"), St: bodyStart });
  doc.catalog.set(PDFName.of("PageLabels"), doc.context.obj({ Nums: nums as never }));
}

/** Bookmarks for every TOC entry, nested as the TOC; chapters open, deeper levels closed. */
function setOutline(doc: PDFDocument, toc: TocEntry[], pages: Map<string, number>): void {
  const pageRefs = doc.getPages().map((p) => p.ref);
  const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const root = doc.context.obj({ Type: "Outlines" }) as PDFDict;
  const rootRef = doc.context.register(root);

  const destFor = (anchor: string): PDFArray | undefined => {
    const named = dests?.lookupMaybe(PDFName.of(anchor), PDFArray);
    if (named) return named;
    const index = pages.get(anchor);
    return index === undefined ? undefined : doc.context.obj([pageRefs[index]!, PDFName.of("Fit")]) as PDFArray;
  };

  const build = (entries: TocEntry[], parentRef: PDFRef, parent: PDFDict, open: boolean): number => {
    const refs = entries.map(() => doc.context.nextRef());
    let visible = 0;
    entries.forEach((entry, i) => {
      const item = doc.context.obj({
        Title: PDFHexString.fromText(entry.label ?? entry.title),
        Parent: parentRef,
      }) as PDFDict;
      const dest = destFor(entry.anchor);
      if (dest) item.set(PDFName.of("Dest"), dest);
      if (i > 0) item.set(PDFName.of("Prev"), refs[i - 1]!);
      if (i < entries.length - 1) item.set(PDFName.of("Next"), refs[i + 1]!);
      if (entry.children.length > 0) {
        const childVisible = build(entry.children, refs[i]!, item, entry.level === 1);
        item.set(PDFName.of("Count"), PDFNumber.of(entry.level === 1 ? childVisible : -entry.children.length));
      }
      doc.context.assign(refs[i]!, item);
      visible += 1 + (entry.level === 1 && open ? countOpen(entry) : 0);
    });
    if (refs.length > 0) {
      parent.set(PDFName.of("First"), refs[0]!);
      parent.set(PDFName.of("Last"), refs[refs.length - 1]!);
    }
    return visible;
  };
  const total = build(toc, rootRef, root, true);
  root.set(PDFName.of("Count"), PDFNumber.of(total));
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
}

/** Visible descendants of an open chapter: its direct children (they stay closed). */
function countOpen(entry: TocEntry): number {
  return entry.children.length;
}

function xmpPacket(info: DocumentInfo): string {
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.title)}</rdf:li><rdf:li xml:lang="ja">${esc(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${esc(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>ja</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${esc(info.keywords.join(", "))}</pdf:Keywords>
<pdf:Producer>${esc(info.creator)}</pdf:Producer>
<xmp:CreatorTool>${esc(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

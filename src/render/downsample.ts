// The web edition's images: smaller copies of the data's photos (a city website asks for small
// PDFs); the print and official editions keep the files as they are, at print resolution.
import path from "node:path";

/** Longest side of a web copy: about 150 ppi across the whole text column. */
const WEB_LONG_SIDE = 1100;

/** Writes a smaller copy of each image into `dir`; returns name → copy (images already small are used as they are). */
export async function webImageCopies(images: Record<string, string>, dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Loaded here, for the web edition only (a seventh of a second of every other start).
  const { default: sharp } = await import("sharp");
  for (const [name, file] of Object.entries(images)) {
    const image = sharp(file);
    const meta = await image.metadata();
    if (Math.max(meta.width ?? 0, meta.height ?? 0) <= WEB_LONG_SIDE) {
      out[name] = file;
      continue;
    }
    const target = path.join(dir, name);
    const resized = image.resize({ width: WEB_LONG_SIDE, height: WEB_LONG_SIDE, fit: "inside", withoutEnlargement: true });
    await (meta.format === "png" ? resized.png({ palette: true, quality: 90, compressionLevel: 9 }) : resized.jpeg({ quality: 80, mozjpeg: true })).toFile(target);
    out[name] = target;
  }
  return out;
}

// The data's files that are neither YAML nor Markdown: CSV values of figures, GeoJSON maps, and
// the photos and illustrations of data/images/ (their size read from their headers; the bytes
// are loaded by the page itself, from inside the data folder only).
import path from "node:path";
import { imageSize } from "image-size";
import type { Diagnostic } from "../validate/diagnostic.js";
import { displayPath } from "./source.js";
import { readDataBytes, readDataFile } from "./read-file.js";
import { fileProblem } from "./yaml-problems.js";
import { folderFiles } from "./folders.js";

/** A data file read as text: a figure's CSV, a GeoJSON map. */
export interface TextAsset {
  /** The file name inside its folder (what the data refers to). */
  name: string;
  file: string;
  text: string;
}

/** An image of data/images/, described by its header. */
export interface ImageAsset {
  name: string;
  file: string;
  abs: string;
  format: "png" | "jpeg";
  width: number;
  height: number;
  bytes: number;
}

export interface Assets {
  csv: TextAsset[];
  maps: TextAsset[];
  images: ImageAsset[];
}

// A print photo is a few MB; beyond these it is not a plan's illustration (or the build would crawl).
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_IMAGE_PIXELS = 60_000_000;

/** Reads figures/*.csv, maps/*.geojson and images/*; every problem becomes a diagnostic. */
export function loadAssets(dataDir: string, root: string, entries: Set<string>, diagnostics: Diagnostic[]): Assets {
  const text = (abs: string): TextAsset | undefined => {
    const file = displayPath(abs);
    const content = readDataFile(abs, root, file, diagnostics);
    return content === undefined ? undefined : { name: path.basename(abs), file, text: content };
  };
  // figures/ also holds the figures' YAML files, loaded with the other YAML.
  const csv = folderFiles(dataDir, entries, "figures", [".csv", ".yaml"], diagnostics).filter((f) => f.endsWith(".csv")).map(text).filter((t) => t !== undefined);
  const maps = folderFiles(dataDir, entries, "maps", [".geojson", ".json"], diagnostics).map(text).filter((t) => t !== undefined);
  const images: ImageAsset[] = [];
  for (const abs of folderFiles(dataDir, entries, "images", [".png", ".jpg", ".jpeg"], diagnostics)) {
    const file = displayPath(abs);
    const bytes = readDataBytes(abs, root, file, diagnostics, MAX_IMAGE_BYTES);
    if (!bytes) continue;
    let size: { width?: number; height?: number; type?: string };
    try {
      size = imageSize(bytes);
    } catch {
      size = {};
    }
    const format = size.type === "png" ? "png" : size.type === "jpg" ? "jpeg" : undefined;
    if (!format || !size.width || !size.height) {
      diagnostics.push(fileProblem(file, "PNG または JPEG の画像として読めません", "画像を PNG か JPEG で保存し直してください（拡張子だけを変えても読めません）。", "not a PNG or JPEG image"));
      continue;
    }
    if (size.width * size.height > MAX_IMAGE_PIXELS) {
      diagnostics.push(fileProblem(file, `画像の画素数が多すぎます（${size.width}×${size.height}）`, "長辺 8,000 画素以下に縮小してください（A4 全面に 300 ppi で印刷しても約 3,500 画素で足ります）。", "image too large"));
      continue;
    }
    images.push({ name: path.basename(abs), file, abs: path.join(root, path.relative(dataDir, abs)), format, width: size.width, height: size.height, bytes: bytes.length });
  }
  return { csv, maps, images };
}

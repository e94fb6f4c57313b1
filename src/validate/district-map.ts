// The city's own district map: a GeoJSON file of data/maps/ (declared in plan.yaml districtMap)
// whose features name their district by a property. Each district's shape is found here; the
// renderer projects and draws them.
import type { TextAsset } from "../load/load-assets.js";
import type { YamlSource } from "../load/load-data.js";
import { locate } from "../load/source.js";
import type { Diagnostic } from "./diagnostic.js";
import type { PlanDeclaration } from "./schema.js";

/** A GeoJSON geometry as the renderer draws it (Polygon or MultiPolygon, lon/lat). */
export interface Shape {
  type: "Polygon" | "MultiPolygon";
  coordinates: number[][][] | number[][][][];
}

// A municipal boundary file simplified for print has thousands of points, not millions.
const MAX_POINTS = 200_000;

/** Each district's shape by its id, or diagnostics saying what is wrong with the map. */
export function resolveDistrictMap(plan: { source: YamlSource; value: PlanDeclaration } | undefined, maps: TextAsset[]): { shapes?: Record<string, Shape>; diagnostics: Diagnostic[] } {
  const declared = plan?.value.districtMap;
  if (!plan || !declared) return { diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const at = locate(plan.source, ["districtMap", "file"]);
  const error = (file: string, where: { line: number; column: number }, message: string, hint: string, en: string) =>
    diagnostics.push({ severity: "error", file, ...where, field: "", message, hint, en });
  const asset = maps.find((m) => m.name === declared.file);
  if (!asset) {
    error(plan.source.file, at, `地図のファイル maps/${declared.file} がありません`, "data/maps/ に GeoJSON ファイルを置くか、plan.yaml の districtMap.file を確認してください。", "district map file missing");
    return { diagnostics };
  }
  const top = { line: 1, column: 1 };
  let json: unknown;
  try {
    json = JSON.parse(asset.text);
  } catch (err) {
    error(asset.file, top, `GeoJSON として読めません（${(err as Error).message.slice(0, 80)}）`, "GIS ソフトから GeoJSON（.geojson）で書き出し直してください。", "district map is not JSON");
    return { diagnostics };
  }
  const features = (json as { type?: string; features?: unknown[] })?.type === "FeatureCollection" ? (json as { features: unknown[] }).features : undefined;
  if (!Array.isArray(features)) {
    error(asset.file, top, "GeoJSON の FeatureCollection ではありません", "地区ごとの図形（Feature）を集めた FeatureCollection で書き出してください。", "not a FeatureCollection");
    return { diagnostics };
  }
  const shapes: Record<string, Shape> = {};
  let points = 0;
  for (const [i, f] of features.entries()) {
    const feature = f as { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } };
    const id = feature.properties?.[declared.property];
    const geometry = feature.geometry;
    if (typeof id !== "string" && typeof id !== "number") {
      error(asset.file, top, `${i + 1} 番目の図形に属性「${declared.property}」がありません`, `各図形の属性 ${declared.property} に地区の ID（districts/ID.yaml の ID）を入れるか、plan.yaml の districtMap.property を確認してください。`, "feature without the district property");
      continue;
    }
    if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") || !Array.isArray(geometry.coordinates)) {
      error(asset.file, top, `地区「${id}」の図形が面（Polygon・MultiPolygon）ではありません`, "地区の範囲を面の図形で書き出してください。", "feature is not a polygon");
      continue;
    }
    points += JSON.stringify(geometry.coordinates).split("[").length;
    shapes[String(id)] = { type: geometry.type, coordinates: geometry.coordinates as Shape["coordinates"] };
  }
  if (points > MAX_POINTS) {
    error(asset.file, top, `地図の点が多すぎます（約 ${points.toLocaleString("ja-JP")} 点。上限 ${MAX_POINTS.toLocaleString("ja-JP")} 点）`, "GIS ソフトで図形を簡略化（例: 許容距離 5 m）してから書き出してください。", "district map too detailed");
    return { diagnostics };
  }
  for (const [k, id] of plan.value.districts.entries()) {
    if (!shapes[id]) error(plan.source.file, locate(plan.source, ["districts", k]), `地区「${id}」の図形が地図 maps/${declared.file} にありません`, `地図の図形の属性 ${declared.property} に「${id}」を入れてください。`, "district without a shape");
  }
  for (const id of Object.keys(shapes).filter((id) => !plan.value.districts.includes(id))) {
    diagnostics.push({ severity: "warning", file: asset.file, line: 1, column: 1, field: "", message: `地図の図形「${id}」は、plan.yaml の districts にない地区です（地図には灰色で描きます）`, hint: "地区の ID を確認してください。", en: "map feature without a district" });
  }
  return { shapes, diagnostics };
}

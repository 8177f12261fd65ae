// Reads the sample's raw inputs in scripts/sample/source (see its README for provenance).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface AdminRow {
  level: 'subdistrict' | 'community';
  code: string;
  name: string;
  parentCode: string;
  parentName: string;
}

/** The folder of the raw inputs, inside the repository. */
export const SOURCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'source');

export interface SourceData {
  district: Feature<Polygon | MultiPolygon>;
  /** DataV's district-government point (the feature's `center`), WGS84 as the file is: used as is, never converted again. */
  seat: [number, number];
  admin: AdminRow[];
  censusTotal: number; // people, 2020 census, 光明区
}

export const FILES = {
  district: 'guangming-district.wgs84.geojson',
  districtGcj02: 'guangming-district.gcj02.geojson',
  admin: 'guangming-admin-codes.csv',
  census: 'shenzhen-census-2020.csv',
} as const;

function readText(dataDir: string, file: string): string {
  const p = path.join(dataDir, file);
  if (!existsSync(p)) throw new Error(`make-sample: missing source file ${p}`);
  return readFileSync(p, 'utf8');
}

function csvRows(text: string, file: string, header: string): string[][] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0] !== header) throw new Error(`make-sample: ${file}: expected header "${header}"`);
  return lines.slice(1).map((l) => l.split(','));
}

/** Load the district outline, the admin codes and the census total from `dataDir`. */
export function readSourceData(dataDir: string): SourceData {
  const fc = JSON.parse(readText(dataDir, FILES.district)) as FeatureCollection;
  const district = fc.features?.[0];
  const t = district?.geometry?.type;
  if (fc.features?.length !== 1 || (t !== 'Polygon' && t !== 'MultiPolygon')) {
    throw new Error(`make-sample: ${FILES.district}: expected one Polygon/MultiPolygon feature`);
  }
  const seat = district.properties?.center as unknown;
  if (!Array.isArray(seat) || seat.length !== 2 || !seat.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new Error(`make-sample: ${FILES.district}: expected a [lng, lat] "center" property`);
  }
  const admin = csvRows(readText(dataDir, FILES.admin), FILES.admin, 'level,code,name,parent_code,parent_name').map(
    ([level, code, name, parentCode, parentName], i): AdminRow => {
      if (level !== 'subdistrict' && level !== 'community') {
        throw new Error(`make-sample: ${FILES.admin}: row ${i}, field level: unknown "${level}"`);
      }
      return { level, code, name, parentCode, parentName };
    },
  );
  const census = csvRows(readText(dataDir, FILES.census), FILES.census, 'CODE,NAME,POPU').find((r) => r[0] === '440311');
  const censusTotal = Number(census?.[2]);
  if (!Number.isInteger(censusTotal) || censusTotal <= 0) {
    throw new Error(`make-sample: ${FILES.census}: no valid POPU for 440311`);
  }
  return { district: district as Feature<Polygon | MultiPolygon>, seat: [seat[0], seat[1]], admin, censusTotal };
}

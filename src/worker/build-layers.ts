// Turns the parsed inputs into the small, display-only shapes the page needs
// (map sources, hall and area lists). Runs in the worker so the page never
// walks the population units itself.
import { area, bbox, centroid } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { CoverageEngine } from '../core/coverage/engine';
import { withinCells, type GapGrid } from '../core/coverage/gap-grid';
import { fitCheck } from '../core/input/fit-check';
import { groupFieldsOf } from '../core/coverage/stats-groups';
import { serviceMix } from '../core/services';
import type { HallSet, PopulationSet } from '../core/types';
import type { AreaInfo, AreaShapeProps, HallInfo, HallPointProps, LoadResult, PopulationCellProps } from './messages';
import { DISPLAY_CELLS_MAX } from '../core/limits';

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The hall's colour key: one home for the map and the printable report (src/core/services.ts). */
export { serviceMix };

/** 2 = district or subdistrict hall, 1 = community hall, 0 = station or unknown kind. */
export function hallRank(kind: string): 0 | 1 | 2 {
  if (kind === 'district-hall' || kind === 'subdistrict-hall') return 2;
  if (kind === 'community-hall') return 1;
  return 0;
}

/** Display data per hall; `hallArea` is the engine's own assignment, so lists match its per-area hall counts. */
export function hallInfos(halls: HallSet, hallArea: Int32Array): HallInfo[] {
  return Array.from({ length: halls.count }, (_, i) => {
    const p = halls.properties[i] ?? {};
    return {
      name: halls.name[i],
      kind: text(p.kind),
      address: text(p.address),
      subdistrict: text(p.subdistrict),
      community: text(p.community),
      services: halls.services[i],
      area: hallArea[i],
    };
  });
}

function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
}

export function areaInfo(feature: Feature<Polygon | MultiPolygon>, name: string): AreaInfo {
  // recompute: a bbox member in the file is not trusted.
  const [w, s, e, n] = bbox(feature.geometry, { recompute: true });
  // Label at the vertex mean (Turf's centroid) of the largest outer ring:
  // inside for the convex-ish subdistrict cells.
  const rings = outerRings(feature.geometry).map((ring): Polygon => ({ type: 'Polygon', coordinates: [ring] }));
  const main = rings.reduce((a, b) => (area(b) > area(a) ? b : a));
  const [x, y] = centroid(main).geometry.coordinates;
  const nameEn = text(feature.properties?.name_en) || name;
  return { name, nameEn, bbox: [w, s, e, n], labelAt: [x, y] };
}

const M_PER_DEG_LAT = 111_195; // metres per degree of latitude (R = 6 371 008.8 m)

/** Sides of a grid cell in whole metres (at the grid's middle latitude), so a 100 m grid is exactly one hectare. */
export function cellSidesM(grid: GapGrid): [number, number] {
  const midLat = grid.y0 + ((grid.ny - 1) / 2) * grid.dy;
  const w = grid.dx * M_PER_DEG_LAT * Math.cos((midLat * Math.PI) / 180);
  return [Math.max(1, Math.round(w)), Math.max(1, Math.round(grid.dy * M_PER_DEG_LAT))];
}

/**
 * People per cell of `grid` (the engine's gap grid, or a whole-factor
 * coarsening of it), as square polygons that tile the grid exactly: drawn as
 * a fill they form a continuous surface with no overlaps (so no darkening)
 * and line up with the gap zones, which are outlined on the gap grid. Units
 * in one cell are summed; `d` is the same count per hectare, which the map
 * colours by; each group of people read with the population adds its own
 * per hectare as `d:<field>`, which the map colours by when it shows that group.
 */
export function populationCells(population: PopulationSet, grid: GapGrid): Feature<Polygon, PopulationCellProps>[] {
  const groups = population.groups ?? [];
  const sums = new Map<number, number>();
  const groupSums = groups.map(() => new Map<number, number>());
  for (let k = 0; k < population.count; k++) {
    const key = grid.j[k] * grid.nx + grid.i[k];
    sums.set(key, (sums.get(key) ?? 0) + population.weight[k]);
    groups.forEach((g, j) => groupSums[j].set(key, (groupSums[j].get(key) ?? 0) + g.weight[k]));
  }
  const [w, h] = cellSidesM(grid);
  const perHa = 10_000 / (w * h);
  const hx = grid.dx / 2,
    hy = grid.dy / 2;
  const out: Feature<Polygon, PopulationCellProps>[] = [];
  for (const [key, p] of sums) {
    if (p <= 0 && groupSums.every((m) => !((m.get(key) ?? 0) > 0))) continue;
    const props: PopulationCellProps = { p, d: p * perHa };
    groups.forEach((g, j) => (props[`d:${g.field}`] = (groupSums[j].get(key) ?? 0) * perHa));
    const i = key % grid.nx,
      j = Math.floor(key / grid.nx);
    const x = grid.x0 + i * grid.dx,
      y = grid.y0 + j * grid.dy;
    out.push({
      type: 'Feature',
      properties: props,
      // Counter-clockwise outer ring (RFC 7946).
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x - hx, y - hy],
            [x + hx, y - hy],
            [x + hx, y + hy],
            [x - hx, y + hy],
            [x - hx, y - hy],
          ],
        ],
      },
    });
  }
  return out;
}

export function buildLayers(engine: CoverageEngine): Omit<LoadResult, 'levelFiles'> {
  const { halls, population, areas, services } = engine;
  const grid = withinCells(engine.gapGrid(), DISPLAY_CELLS_MAX);
  const infos = hallInfos(halls, engine.hallArea);
  const areaInfos = areas.features.map((f, i) => areaInfo(f, areas.names[i]));
  const props = (i: number): AreaShapeProps => ({ i, name: areaInfos[i].name, name_en: areaInfos[i].nameEn });
  return {
    services,
    halls: infos,
    areas: areaInfos,
    totalPopulation: population.total,
    groups: groupFieldsOf(engine),
    hasCapacity: engine.halls.capacity !== undefined,
    fit: fitCheck(engine),
    cellM: cellSidesM(grid)[1],
    hallPoints: {
      type: 'FeatureCollection',
      features: infos.map((h, i): Feature<Point, HallPointProps> => ({
        type: 'Feature',
        properties: { i, mix: serviceMix(h.services), rank: hallRank(h.kind) },
        geometry: { type: 'Point', coordinates: [halls.lng[i], halls.lat[i]] },
      })),
    },
    areaShapes: {
      type: 'FeatureCollection',
      features: areas.features.map((f, i) => ({ type: 'Feature', id: i, properties: props(i), geometry: f.geometry })),
    },
    areaLabels: {
      type: 'FeatureCollection',
      features: areaInfos.map((a, i) => ({ type: 'Feature', properties: props(i), geometry: { type: 'Point', coordinates: a.labelAt } })),
    },
    population: { type: 'FeatureCollection', features: populationCells(population, grid) },
    roads: null, // the worker adds the roads when loaded
  };
}

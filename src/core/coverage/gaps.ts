// Gap zones: the uncovered people of one service, merged into contiguous
// zones on the gap grid (8-neighbour cells) within one area at a time, each
// outlined as a polygon. Every uncovered unit with people lands in exactly
// one zone, so a service's zone populations in an area add up to that area's
// population minus its covered population.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { outlineCells } from './cell-outline';
import { SumAccumulators } from './compensated-sum';
import type { GapGrid } from './gap-grid';
import type { GapCollection, GapProperties } from '../types';

export interface GapInput {
  lng: Float64Array; // degrees
  lat: Float64Array; // degrees
  weight: Float64Array; // people
  group: Int32Array; // area index, or groupNames.length - 1 for outside
  groupNames: string[];
  grid: GapGrid;
}

/** Gap zone features for one key (service or 'all'), given each unit's distance to the nearest hall. */
export function gapZones(input: GapInput, key: string, nearest: Float64Array, radiusM: number): GapCollection['features'] {
  const { lng, lat, weight, group, groupNames, grid } = input;
  // Cells holding uncovered people, per area group. A grid cell may hold units
  // of several areas (at boundaries): one record per (cell, area), chained.
  const dense = grid.nx * grid.ny <= 1 << 24;
  const head = dense ? new Int32Array(grid.nx * grid.ny).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const cg: number[] = [],
    ci: number[] = [],
    cj: number[] = [],
    next: number[] = [];
  const lookup = (g: number, i: number, j: number): number => {
    const k = j * grid.nx + i;
    for (let c = head ? head[k] : (sparse!.get(k) ?? -1); c >= 0; c = next[c]) if (cg[c] === g) return c;
    return -1;
  };
  const unitCell = new Int32Array(lng.length).fill(-1);
  for (let u = 0; u < lng.length; u++) {
    if (!(nearest[u] > radiusM) || !(weight[u] > 0)) continue;
    const g = group[u],
      i = grid.i[u],
      j = grid.j[u];
    let c = lookup(g, i, j);
    if (c < 0) {
      c = cg.length;
      const k = j * grid.nx + i;
      next.push(head ? head[k] : (sparse!.get(k) ?? -1));
      if (head) head[k] = c;
      else sparse!.set(k, c);
      cg.push(g);
      ci.push(i);
      cj.push(j);
    }
    unitCell[u] = c;
  }

  // Union-find over 8-neighbour cells of the same group.
  const parent = Int32Array.from({ length: cg.length }, (_, c) => c);
  const find = (c: number): number => {
    while (parent[c] !== c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  };
  for (let c = 0; c < cg.length; c++) {
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) {
        const i = ci[c] + di,
          j = cj[c] + dj;
        if ((di === 0 && dj === 0) || i < 0 || j < 0 || i >= grid.nx || j >= grid.ny) continue;
        const o = lookup(cg[c], i, j);
        if (o >= 0) {
          const a = find(c),
            b = find(o);
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
  }
  const zoneOfRoot = new Int32Array(cg.length).fill(-1);
  const zoneCells: number[][] = [];
  for (let c = 0; c < cg.length; c++) {
    const r = find(c);
    if (zoneOfRoot[r] < 0) {
      zoneOfRoot[r] = zoneCells.length;
      zoneCells.push([]);
    }
    zoneCells[zoneOfRoot[r]].push(c);
  }

  const zones = zoneCells.length;
  const pop = new SumAccumulators(zones);
  const sx = new Float64Array(zones),
    sy = new Float64Array(zones),
    sw = new Float64Array(zones);
  const worst = new Float64Array(zones);
  for (let u = 0; u < lng.length; u++) {
    if (unitCell[u] < 0) continue;
    const z = zoneOfRoot[find(unitCell[u])];
    pop.add(z, weight[u]);
    sx[z] += weight[u] * lng[u];
    sy[z] += weight[u] * lat[u];
    sw[z] += weight[u];
    if (nearest[u] > worst[z]) worst[z] = nearest[u];
  }

  const cornerX = cornerAxis(grid.x0, grid.dx, grid.nx, 180);
  const cornerY = cornerAxis(grid.y0, grid.dy, grid.ny, 90);
  const feats = zoneCells.map((cells, z) => {
    const polys = outlineCells(
      cells.map((c) => ci[c]),
      cells.map((c) => cj[c]),
    );
    const coords: Position[][][] = polys.map((rings) => rings.map((ring) => ring.map(([x, y]) => [cornerX(x), cornerY(y)])));
    const geometry: Polygon | MultiPolygon = coords.length === 1 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords };
    const properties: GapProperties = {
      service: key,
      area: groupNames[cg[cells[0]]],
      population: pop.value(z),
      nearest_hall_m: worst[z],
      rank: 0,
      centroid: [sx[z] / sw[z], sy[z] / sw[z]],
    };
    return { type: 'Feature' as const, properties, geometry, order: [cg[cells[0]], cells[0]] };
  });
  // Rank by population, largest first; ties by area then first cell, so the
  // order is deterministic.
  feats.sort((a, b) => b.properties.population - a.properties.population || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return feats.map(({ type, properties, geometry }, k) => ({ type, properties: { ...properties, rank: k + 1 }, geometry }));
}

/**
 * Degrees of grid corner k (0 ≤ k ≤ cells; corner k is the lower edge of
 * cell k) along one axis, within ±`limit`, so outlines are valid GeoJSON
 * (RFC 7946: longitude within ±180°, latitude within ±90°). Cells are centred
 * on the units, so a cell at the edge of the globe reaches past it by up to
 * half a cell: its outer corner is pulled onto the limit. Corners inside the
 * limits keep their place; those on or beyond a limit are spread evenly
 * between the last corner inside and the limit. The map stays strictly
 * increasing, which keeps every ring simple and no cell empty (a unit exactly
 * on the limit whose cell starts there; a cell wider than the globe, from a
 * grid with very sparse units far from the equator).
 */
export function cornerAxis(origin: number, step: number, cells: number, limit: number): (k: number) => number {
  const raw = (k: number) => origin + (k - 0.5) * step;
  let lo = 0; // corners 0 … lo-1 are on or below -limit
  while (lo <= cells && raw(lo) <= -limit) lo++;
  let hi = cells + 1; // corners hi … cells are on or above +limit
  while (hi > lo && raw(hi - 1) >= limit) hi--;
  if (lo === hi) return (k) => -limit + (2 * limit * k) / cells; // no corner inside: spread them all
  const first = raw(lo),
    last = raw(hi - 1);
  return (k) => {
    if (k < lo) return -limit + ((first + limit) * k) / lo;
    if (k >= hi) return last + ((limit - last) * (k - hi + 1)) / (cells - hi + 1);
    return raw(k);
  };
}

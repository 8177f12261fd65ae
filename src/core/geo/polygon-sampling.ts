// A population polygon is spread evenly over its area by cutting its bounding
// box into an n x n grid and keeping the cell centres that fall inside. Each
// kept centre carries the people of its cell; cells are weighted by cos(lat)
// because a degree cell's area on the sphere shrinks with latitude. With
// n = 100 a straight edge through the box misplaces at most ~1/n of it (<= 1%).
// Cells are never smaller than MIN_CELL_M = 10 m: a sample then stands at most
// 7 m from the people it carries, 1.4 % of the 500 m circle and 7 % of the
// smallest radius the map offers (100 m), far finer than the even spread the
// polygon itself assumes. Finer cells only multiply units: with 2 m cells the
// sample's own 100 m grid, given as 14 397 square polygons (4 MiB), became
// 36 million units, several GB in the CLI; with 10 m cells 1.4 million.
import { PolygonIndex, type PolygonParts } from './polygon-index';
import { compensatedSum } from '../coverage/compensated-sum';

/** Smallest grid cell side, metres: a polygon under 100 x this across gets fewer than n cells per side. */
export const MIN_CELL_M = 10;
const M_PER_DEG = 111_195; // metres per degree of latitude (R = 6 371 008.8 m)

export interface PolygonSamples {
  lng: number[];
  lat: number[];
  weight: number[]; // people; adds up to the polygon's population
}

/** Sample units of one (multi)polygon holding `population` people, on an n x n grid over its bbox (fewer for polygons under n x MIN_CELL_M across). */
export function samplePolygon(parts: PolygonParts, population: number, n = 100): PolygonSamples {
  const index = new PolygonIndex(parts);
  const midLat = ((index.minY + index.maxY) / 2) * (Math.PI / 180);
  const extentM = Math.max((index.maxX - index.minX) * M_PER_DEG * Math.cos(midLat), (index.maxY - index.minY) * M_PER_DEG);
  // The 1e-3 absorbs rounding: a 100 m square measures 100.0000003 m and still gets 10 cells, not 11.
  const side = Math.max(1, Math.min(n, Math.ceil(extentM / MIN_CELL_M - 1e-3)));
  for (const s of [side, side * 4]) {
    const samples = gridSamples(index, population, s);
    if (samples.lng.length > 0) return samples;
  }
  // Degenerate sliver with no grid centre inside: one unit at its first vertex,
  // so its people are still counted somewhere sensible.
  const [x, y] = parts[0][0][0];
  return { lng: [x], lat: [y], weight: [population] };
}

function gridSamples(index: PolygonIndex, population: number, side: number): PolygonSamples {
  const { minX, minY, maxX, maxY } = index;
  const dx = (maxX - minX) / side;
  const dy = (maxY - minY) / side;
  const out: PolygonSamples = { lng: [], lat: [], weight: [] };
  if (!(dx > 0 && dy > 0)) return out;
  let sum = 0;
  for (let j = 0; j < side; j++) {
    const y = minY + (j + 0.5) * dy;
    const w = Math.cos((y * Math.PI) / 180);
    for (let i = 0; i < side; i++) {
      const x = minX + (i + 0.5) * dx;
      if (index.contains(x, y)) {
        out.lng.push(x);
        out.lat.push(y);
        out.weight.push(w);
        sum += w;
      }
    }
  }
  const n = out.weight.length;
  for (let k = 0; k < n; k++) out.weight[k] = (population * out.weight[k]) / sum;
  // Each share is rounded; the last sample takes what is left, so the samples
  // add up to the feature's population (e.g. 800.5, not 800.4999999999).
  if (n > 1) out.weight[n - 1] = Math.max(0, population - compensatedSum(out.weight.slice(0, n - 1)));
  return out;
}

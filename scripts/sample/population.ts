// Modelled 100 m population surface: Gaussian density kernels around the
// subdistrict seats and community centres, thinned over reservoirs, parks and
// hills, with seeded cell-to-cell noise; scaled per subdistrict towards the
// targets in places.ts and rounded so it adds up exactly to the census total.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { largestRemainder } from './largest-remainder';
import { uniqueArea, type Locator } from './locate';
import { GREEN_AREAS, type Subdistrict } from './places';
import { mulberry32 } from './prng';
import { round6, toLngLat, toMetres } from './projection';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox } from '@turf/bbox';

export const CELL_M = 100; // metres, grid step
const SEAT_SIGMA_M = 1300; // metres: a subdistrict centre's built-up spread
const COMMUNITY_SIGMA_M = 650; // metres: a community centre's built-up spread
const SEAT_AMP = 1.2; // relative to a community kernel
const BASE = 0.04; // relative background density (villages, factories' dorms)
const GREEN_EDGE_M = 300; // metres over which a green area fades back to full density
const NOISE = 0.35; // sd of the log-normal cell noise

export interface PopulationCell {
  lngLat: [number, number]; // cell centre, rounded to 6 decimals
  area: number; // index of the subdistrict
  population: number; // people, integer ≥ 1
}

function greenKeep(x: number, y: number): number {
  let keep = 1;
  for (const g of GREEN_AREAS) {
    const [cx, cy] = toMetres(g.centre);
    const r = Math.hypot((x - cx) / g.rx, (y - cy) / g.ry);
    const edge = (r - 1) * Math.min(g.rx, g.ry); // metres outside the ellipse (approx.)
    if (edge >= GREEN_EDGE_M) continue;
    keep *= edge <= 0 ? g.keep : g.keep + ((1 - g.keep) * edge) / GREEN_EDGE_M;
  }
  return keep;
}

/** The modelled population cells (zero cells dropped), summing exactly to `total`. */
export function makePopulation(
  district: Feature<Polygon | MultiPolygon>,
  locator: Locator,
  subs: readonly Subdistrict[],
  communities: readonly { lngLat: [number, number]; area: number }[],
  total: number,
  seed: number,
): PopulationCell[] {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const [w, s, e, n] = bbox(district);
  const [x0, y0] = toMetres([w, s]);
  const [x1, y1] = toMetres([e, n]);
  const kernels = [
    ...subs.map((sd, i) => ({ at: toMetres(sd.seat), sigma: SEAT_SIGMA_M, amp: SEAT_AMP, group: i })),
    ...communities.map((c) => ({ at: toMetres(c.lngLat), sigma: COMMUNITY_SIGMA_M, amp: 1, group: c.area })),
  ];
  // Per cell, the density contributed by each subdistrict's kernels (before the group factors).
  const cells: { lngLat: [number, number]; area: number; byGroup: Float64Array }[] = [];
  for (let gx = Math.floor(x0 / CELL_M); gx * CELL_M <= x1; gx++) {
    for (let gy = Math.floor(y0 / CELL_M); gy * CELL_M <= y1; gy++) {
      const x = (gx + 0.5) * CELL_M;
      const y = (gy + 0.5) * CELL_M;
      const ll = toLngLat(x, y);
      const lngLat: [number, number] = [round6(ll[0]), round6(ll[1])];
      if (!booleanPointInPolygon(lngLat, district)) continue;
      const area = uniqueArea(locator, lngLat);
      if (area < 0) continue; // exactly on a subdistrict edge: leave the cell empty rather than guess
      const keep = greenKeep(x, y) * Math.exp(NOISE * gauss());
      const byGroup = new Float64Array(subs.length);
      byGroup[area] += BASE * keep;
      for (const k of kernels) {
        const d2 = (x - k.at[0]) ** 2 + (y - k.at[1]) ** 2;
        byGroup[k.group] += k.amp * Math.exp(-d2 / (2 * k.sigma ** 2)) * keep;
      }
      cells.push({ lngLat, area, byGroup });
    }
  }
  // Fixed-point iteration on one factor per subdistrict so each one's people
  // approach its target share, while kernels still spill smoothly over edges.
  const factor = subs.map(() => 1);
  const density = () => cells.map((c) => c.byGroup.reduce((acc, v, t) => acc + v * factor[t], 0));
  for (let it = 0; it < 40; it++) {
    const sums = subs.map(() => 0);
    density().forEach((d, i) => (sums[cells[i].area] += d));
    subs.forEach((sd, t) => (factor[t] *= sd.target / sums[t]));
  }
  const people = largestRemainder(density(), total);
  return cells.map((c, i) => ({ lngLat: c.lngLat, area: c.area, population: people[i] })).filter((c) => c.population > 0);
}

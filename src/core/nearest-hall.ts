// Exact distance from every population unit to its nearest hall (of one
// service), with the same haversine as turf. Coverage at any radius then is
// just nearest <= radius, which is exactly "some hall within the radius".
//
// Units are bucketed into grid cells. For a cell with centre c, units within
// rc of c, and some hall at distance dc from c, every unit's nearest hall lies
// within dc + 2 rc of c (triangle inequality on the sphere), so only those
// candidate halls are measured: a handful per unit instead of all halls.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineM, radiusBoxes } from './haversine.ts';

const M_PER_DEG = 111_195; // metres per degree of latitude (R = 6 371 008.8 m)

/** Halls (one service) as a kdbush index over lng/lat, reusable across calls. */
export function hallIndex(lng: Float64Array, lat: Float64Array): KDBush | null {
  if (lng.length === 0) return null;
  const index = new KDBush(lng.length, 16);
  for (let i = 0; i < lng.length; i++) index.add(lng[i], lat[i]);
  return index.finish();
}

/**
 * Distance in metres from each unit to the nearest of the given halls
 * (haversineM(unit, hall), minimum over halls); Infinity when there are none.
 */
export function nearestHallDistances(
  uLng: Float64Array, uLat: Float64Array,
  hLng: Float64Array, hLat: Float64Array,
  index: KDBush | null = hallIndex(hLng, hLat),
): Float64Array {
  const n = uLng.length;
  const out = new Float64Array(n).fill(Infinity);
  if (index === null || n === 0) return out;
  const cells = unitCells(uLng, uLat, hLng.length);
  const cand: number[] = [];
  for (let c = 0; c < cells.count; c++) {
    const from = cells.start[c];
    const to = cells.start[c + 1];
    if (from === to) continue;
    const cx = cells.centreLng(c);
    const cy = cells.centreLat(c);
    let rc = 0;
    for (let k = from; k < to; k++) {
      const u = cells.units[k];
      rc = Math.max(rc, haversineM(uLng[u], uLat[u], cx, cy));
    }
    const h0 = around(index, cx, cy, 1)[0];
    const dc = haversineM(cx, cy, hLng[h0], hLat[h0]);
    // Margin far above haversine rounding (~1e-9 m) so no true candidate is lost.
    const bound = (dc + 2 * rc) * (1 + 1e-9) + 1e-3;
    cand.length = 0;
    for (const [x0, y0, x1, y1] of radiusBoxes(cx, cy, bound)) {
      for (const h of index.range(x0, y0, x1, y1)) if (haversineM(cx, cy, hLng[h], hLat[h]) <= bound) cand.push(h);
    }
    for (let k = from; k < to; k++) {
      const u = cells.units[k];
      const x = uLng[u], y = uLat[u];
      let best = Infinity;
      for (let j = 0; j < cand.length; j++) {
        const d = haversineM(x, y, hLng[cand[j]], hLat[cand[j]]);
        if (d < best) best = d;
      }
      out[u] = best;
    }
  }
  return out;
}

interface Cells {
  count: number;
  start: Int32Array; // units of cell c are units[start[c] .. start[c+1])
  units: Int32Array;
  centreLng(c: number): number;
  centreLat(c: number): number;
}

// Cells of roughly equal metric size holding ~8 units on average, and no
// bigger than the mean hall spacing, so candidate lists stay short.
function unitCells(lng: Float64Array, lat: Float64Array, halls: number): Cells {
  const n = lng.length;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (lng[i] < minX) minX = lng[i];
    if (lng[i] > maxX) maxX = lng[i];
    if (lat[i] < minY) minY = lat[i];
    if (lat[i] > maxY) maxY = lat[i];
  }
  const cosLat = Math.max(0.01, Math.cos((((minY + maxY) / 2) * Math.PI) / 180));
  const areaM2 = Math.max(1, (maxX - minX) * cosLat * M_PER_DEG) * Math.max(1, (maxY - minY) * M_PER_DEG);
  const cellM = Math.max(10, Math.min(Math.sqrt((areaM2 * 8) / n), Math.sqrt(areaM2 / halls)));
  let dy = cellM / M_PER_DEG;
  let dx = dy / cosLat;
  let nx = Math.floor((maxX - minX) / dx) + 1;
  let ny = Math.floor((maxY - minY) / dy) + 1;
  while (nx * ny > 4 * n + 64) {
    dx *= 2;
    dy *= 2;
    nx = Math.floor((maxX - minX) / dx) + 1;
    ny = Math.floor((maxY - minY) / dy) + 1;
  }
  const count = nx * ny;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(nx - 1, Math.floor((lng[i] - minX) / dx));
    const cy = Math.min(ny - 1, Math.floor((lat[i] - minY) / dy));
    cellOf[i] = cy * nx + cx;
    start[cellOf[i] + 1]++;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  const units = new Int32Array(n);
  for (let i = 0; i < n; i++) units[fill[cellOf[i]]++] = i;
  return {
    count, start, units,
    centreLng: (c) => minX + ((c % nx) + 0.5) * dx,
    centreLat: (c) => minY + (Math.floor(c / nx) + 0.5) * dy,
  };
}

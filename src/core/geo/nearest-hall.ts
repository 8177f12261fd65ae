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
import * as geo from './haversine';

// Local bindings: module namespaces transpiled to CommonJS (tsx, the CLI) read
// imports through getters on every call, which blocks inlining in hot loops.
const { cosLat, havDistanceM, haversineM, radiusBoxes } = geo;

const M_PER_DEG = 111_195; // metres per degree of latitude (R = 6 371 008.8 m)

/** Halls (one service) as a kdbush index over lng/lat, reusable across calls. */
export function hallIndex(lng: Float64Array, lat: Float64Array): KDBush | null {
  if (lng.length === 0) return null;
  const index = new KDBush(lng.length, 16);
  for (let i = 0; i < lng.length; i++) index.add(lng[i], lat[i]);
  return index.finish();
}

// Two candidates whose haversine terms differ by less than this relative
// amount are both converted to metres, so the minimum in metres is exact even
// if atan2 were not monotone at the last bit (a relative step of 1e-14 in a is
// ~5e-15 in metres, far above the ~2e-16 rounding of the conversion).
const TIE = 1e-14;

/**
 * Distance in metres from each unit to the nearest of the given halls
 * (haversineM(unit, hall), minimum over halls); Infinity when there are none.
 * When `nearest` is given, it receives per unit which hall that is (its
 * position in hLng/hLat; of halls at exactly the same distance, the first),
 * or -1 when there are no halls.
 */
export function nearestHallDistances(
  uLng: Float64Array,
  uLat: Float64Array,
  hLng: Float64Array,
  hLat: Float64Array,
  index: KDBush | null = hallIndex(hLng, hLat),
  cells: UnitCells = unitCells(uLng, uLat, hLng.length),
  nearest?: Int32Array,
): Float64Array {
  const n = uLng.length;
  const out = new Float64Array(n).fill(Infinity);
  nearest?.fill(-1);
  if (index === null || n === 0) return out;
  const hCos = hLat.map((y) => cosLat(y));
  let cand: Int32Array = new Int32Array(64);
  let candD: Float64Array = new Float64Array(64); // metres from the cell centre, ascending
  let candA: Float64Array = new Float64Array(64);
  let ref = -1; // a hall near the previous cell: its distance bounds this cell's search
  let prevCell = -2;
  for (let c = 0; c < cells.count; c++) {
    const from = cells.start[c];
    const to = cells.start[c + 1];
    if (from === to) continue;
    const cx = cells.centreLng(c);
    const cy = cells.centreLat(c);
    const du = cells.toCentre; // metres from each unit to its cell centre
    const rc = cells.radius[c];
    // The previous cell's nearest hall is a tight bound for its neighbour; after
    // a jump (new row, empty cells) ask the kd-tree for the nearest instead.
    if (ref < 0 || c !== prevCell + 1 || c % cells.nx === 0) ref = around(index, cx, cy, 1)[0];
    prevCell = c;
    const dc = haversineM(cx, cy, hLng[ref], hLat[ref]);
    // Margin far above haversine rounding (~1e-9 m) so no true candidate is lost.
    const bound = (dc + 2 * rc) * (1 + 1e-9) + 1e-3;
    let m = 0;
    for (const [x0, y0, x1, y1] of radiusBoxes(cx, cy, bound)) {
      for (const h of index.range(x0, y0, x1, y1)) {
        const d = haversineM(cx, cy, hLng[h], hLat[h]);
        if (d > bound) continue;
        if (m === cand.length) {
          cand = growInt(cand);
          candD = growFloat(candD);
          candA = growFloat(candA);
        }
        // Insertion sort by distance from the centre (lists are short).
        let j = m++;
        while (j > 0 && candD[j - 1] > d) {
          cand[j] = cand[j - 1];
          candD[j] = candD[j - 1];
          j--;
        }
        cand[j] = h;
        candD[j] = d;
      }
    }
    for (let k = from; k < to; k++) {
      const u = cells.units[k];
      const x = uLng[u],
        y = uLat[u];
      const cu = cosLat(y);
      const dcu = du[u];
      let bestA = Infinity;
      let bestD = Infinity;
      let bestH = -1;
      let seen = 0;
      // Halls in order of distance from the centre; once that distance minus
      // the unit's own offset exceeds the best found, no later hall can win
      // (triangle inequality, with a margin for rounding).
      for (; seen < m; seen++) {
        if (candD[seen] - dcu > bestD * (1 + 1e-9) + 1e-3) break;
        const h = cand[seen];
        // havA(x, y, hLng[h], hLat[h], cu, hCos[h]) written out: this loop is
        // the engine's hottest, and a call here would box every result.
        const dLat = (((hLat[h] - y) % 360) * Math.PI) / 180;
        const dLng = (((hLng[h] - x) % 360) * Math.PI) / 180;
        const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLng / 2), 2) * cu * hCos[h];
        candA[seen] = a;
        if (a < bestA) {
          bestA = a;
          bestD = havDistanceM(a);
          bestH = h;
        }
      }
      // Halls whose haversine terms nearly tie are compared in metres; at
      // exactly the same distance the one first in the file wins.
      let winner = bestH;
      for (let j = 0; j < seen; j++) {
        if (candA[j] <= bestA * (1 + TIE) && cand[j] !== bestH) {
          const d = havDistanceM(candA[j]);
          if (d < bestD || (d === bestD && cand[j] < winner)) {
            bestD = d;
            winner = cand[j];
          }
        }
      }
      out[u] = bestD;
      if (nearest !== undefined) nearest[u] = winner;
      ref = bestH;
    }
  }
  return out;
}

function growInt(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function growFloat(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** Population units bucketed into grid cells, reusable for every service. */
export interface UnitCells {
  count: number;
  nx: number; // cells per row; cell c is column c % nx of row floor(c / nx)
  ny: number; // rows
  // Cell (cx, cy) holds the units with min(nx - 1, floor((lng - minX) / dx)) = cx, the same for rows.
  minX: number;
  minY: number;
  dx: number; // degrees of longitude per cell
  dy: number; // degrees of latitude per cell
  start: Int32Array; // units of cell c are units[start[c] .. start[c+1])
  units: Int32Array;
  centreLng(c: number): number;
  centreLat(c: number): number;
  toCentre: Float64Array; // per unit: metres to its cell's centre
  radius: Float64Array; // per cell: largest toCentre of its units, metres
}

// Cells of roughly equal metric size holding ~16 units on average, and no
// bigger than the mean hall spacing, so candidate lists stay short.
/** Bucket units into cells sized for `halls` halls over their extent (see nearestHallDistances). */
export function unitCells(lng: Float64Array, lat: Float64Array, halls: number): UnitCells {
  const n = lng.length;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (lng[i] < minX) minX = lng[i];
    if (lng[i] > maxX) maxX = lng[i];
    if (lat[i] < minY) minY = lat[i];
    if (lat[i] > maxY) maxY = lat[i];
  }
  const cosLat = Math.max(0.01, Math.cos((((minY + maxY) / 2) * Math.PI) / 180));
  const areaM2 = Math.max(1, (maxX - minX) * cosLat * M_PER_DEG) * Math.max(1, (maxY - minY) * M_PER_DEG);
  const cellM = Math.max(10, Math.min(Math.sqrt((areaM2 * 16) / n), Math.sqrt(areaM2 / halls)));
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
  const centreLng = (c: number) => minX + ((c % nx) + 0.5) * dx;
  const centreLat = (c: number) => minY + (Math.floor(c / nx) + 0.5) * dy;
  const toCentre = new Float64Array(n);
  const radius = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i];
    toCentre[i] = haversineM(lng[i], lat[i], centreLng(c), centreLat(c));
    if (toCentre[i] > radius[c]) radius[c] = toCentre[i];
  }
  return { count, nx, ny, minX, minY, dx, dy, start, units, centreLng, centreLat, toCentre, radius };
}

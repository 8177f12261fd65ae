// The grid that gap zones are built on. Population grids (e.g. 100 m) are
// detected from the data so each unit sits at the centre of its own cell and
// zones outline exactly the uncovered grid squares; irregular data (scattered
// points, polygon samples) gets square metric cells of its typical spacing.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineM } from './haversine.ts';

const M_PER_DEG = 111_195; // metres per degree of latitude (R = 6 371 008.8 m)

/** A regular lng/lat grid; cell (i, j) is centred on (x0 + i*dx, y0 + j*dy). */
export interface GapGrid {
  x0: number; // degrees
  y0: number; // degrees
  dx: number; // degrees of longitude per cell
  dy: number; // degrees of latitude per cell
  nx: number; // cells per row
  ny: number; // rows
  /** Cell column and row of each unit. */
  i: Int32Array;
  j: Int32Array;
  /** How the cell size was chosen, for documentation and the benchmark. */
  source: 'grid' | 'spacing';
}

/** Lay a grid over the units: the data's own step when they lie on one, else their typical spacing. */
export function gapGrid(lng: Float64Array, lat: Float64Array): GapGrid {
  const n = lng.length;
  const sx = axisStep(lng);
  const sy = axisStep(lat);
  let dx: number, dy: number;
  let source: GapGrid['source'];
  if (sx !== null && sy !== null) {
    [dx, dy, source] = [sx, sy, 'grid'];
  } else {
    const d = typicalSpacingM(lng, lat);
    const midLat = n > 0 ? lat.reduce((a, b) => a + b, 0) / n : 0;
    dy = d / M_PER_DEG;
    dx = dy / Math.max(0.01, Math.cos((midLat * Math.PI) / 180));
    source = 'spacing';
  }
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    x0 = Math.min(x0, lng[k]);
    x1 = Math.max(x1, lng[k]);
    y0 = Math.min(y0, lat[k]);
    y1 = Math.max(y1, lat[k]);
  }
  if (n === 0) [x0, y0, x1, y1] = [0, 0, 0, 0];
  const i = new Int32Array(n);
  const j = new Int32Array(n);
  // Rounding to the nearest centre absorbs coordinates rounded to 6 decimals.
  for (let k = 0; k < n; k++) {
    i[k] = Math.round((lng[k] - x0) / dx);
    j[k] = Math.round((lat[k] - y0) / dy);
  }
  return { x0, y0, dx, dy, nx: Math.round((x1 - x0) / dx) + 1, ny: Math.round((y1 - y0) / dy) + 1, i, j, source };
}

// The step of an axis when the values take few distinct levels (a grid):
// the median gap between consecutive distinct values, or null.
function axisStep(values: Float64Array): number | null {
  const sorted = Float64Array.from(values).sort();
  const gaps: number[] = [];
  for (let k = 1; k < sorted.length; k++) {
    const g = sorted[k] - sorted[k - 1];
    // Below 1e-5 degrees (~1 m) two values are the same level, rounded apart.
    if (g > 1e-5) gaps.push(g);
  }
  if (gaps.length === 0 || gaps.length + 1 > sorted.length / 3) return null;
  gaps.sort((a, b) => a - b);
  const step = gaps[gaps.length >> 1];
  // A grid: (nearly) every gap is a whole number of steps.
  let off = 0;
  for (const g of gaps) if (Math.abs(g / step - Math.round(g / step)) > 0.05) off++;
  if (off > gaps.length * 0.02) return null;
  // Refine over the whole extent so rounding of single gaps does not pile up
  // across hundreds of cells.
  const extent = sorted[sorted.length - 1] - sorted[0];
  return extent / Math.round(extent / step);
}

// 90th percentile of the nearest-neighbour distance over up to 2 000 units,
// metres: large enough that samples of the coarsest polygons still touch.
function typicalSpacingM(lng: Float64Array, lat: Float64Array): number {
  const n = lng.length;
  if (n < 2) return 100;
  const index = new KDBush(n, 64);
  for (let k = 0; k < n; k++) index.add(lng[k], lat[k]);
  index.finish();
  const stride = Math.max(1, Math.floor(n / 2000));
  const d: number[] = [];
  for (let k = 0; k < n; k += stride) {
    const [m] = around(index, lng[k], lat[k], 1, Infinity, (o: number) => lng[o] !== lng[k] || lat[o] !== lat[k]);
    if (m !== undefined) d.push(haversineM(lng[k], lat[k], lng[m], lat[m]));
  }
  if (d.length === 0) return 100;
  d.sort((a, b) => a - b);
  return Math.max(1, d[Math.floor(d.length * 0.9)]);
}

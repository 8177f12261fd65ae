// The grid that gap zones are built on. Population grids (e.g. 100 m) are
// detected from the data so each unit sits at the centre of its own cell and
// zones outline exactly the uncovered grid squares; irregular data (scattered
// points, polygon samples) gets square metric cells of its typical spacing.
// Very dense data would give hundreds of thousands of populated cells (a
// million scattered points: 18 m cells, 715 000 of them), which costs memory
// and time on every radius change and cannot be drawn; such grids are
// coarsened by a whole factor, so a coarse cell is exactly k × k fine cells
// and zones still outline whole grid squares of the data.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineM } from '../geo/haversine';
import { GAP_CELLS_MAX } from '../limits';

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
  /** Fine cells per side of one cell: 1, or the factor the grid was coarsened by to stay within its cell budget. */
  coarsen: number;
}

/**
 * Lay a grid over the units: the data's own step when they lie on one, else
 * their typical spacing; coarsened by a whole factor when more than
 * `maxCells` cells would hold units.
 */
export function gapGrid(lng: Float64Array, lat: Float64Array, maxCells = GAP_CELLS_MAX): GapGrid {
  return withinCells(fineGrid(lng, lat), maxCells);
}

/**
 * `grid` coarsened by the smallest whole factor that leaves at most
 * `maxCells` populated cells (the grid itself when it fits). After
 * LINEAR_STEPS factors the search grows by a quarter per step, so scattered
 * clusters far apart cannot make it scan thousands of factors; the factor is
 * then at most a quarter above the smallest.
 */
export function withinCells(grid: GapGrid, maxCells: number): GapGrid {
  const max = Math.max(1, maxCells);
  const fine = populatedCells(grid, 1);
  if (fine <= max) return grid;
  // k × k cells merge into one, so a factor below sqrt(fine / max) cannot fit.
  let k = Math.max(2, Math.ceil(Math.sqrt(fine / max)));
  for (let step = 1; populatedCells(grid, k) > max; step++) k = step < LINEAR_STEPS ? k + 1 : Math.ceil(k * 1.25);
  return coarsenGrid(grid, k);
}
const LINEAR_STEPS = 16;

/** `grid` with k × k of its cells merged into one; cell edges stay on the fine grid's edges. */
export function coarsenGrid(grid: GapGrid, k: number): GapGrid {
  const n = grid.i.length;
  const i = new Int32Array(n),
    j = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    i[u] = Math.floor(grid.i[u] / k);
    j[u] = Math.floor(grid.j[u] / k);
  }
  return {
    // Coarse cell 0 spans fine cells 0 … k-1, so its centre is (k-1)/2 fine cells in.
    x0: grid.x0 + ((k - 1) / 2) * grid.dx,
    y0: grid.y0 + ((k - 1) / 2) * grid.dy,
    dx: grid.dx * k,
    dy: grid.dy * k,
    nx: Math.floor((grid.nx - 1) / k) + 1,
    ny: Math.floor((grid.ny - 1) / k) + 1,
    i,
    j,
    source: grid.source,
    coarsen: grid.coarsen * k,
  };
}

// Distinct cells holding a unit once k × k cells are merged.
function populatedCells(grid: GapGrid, k: number): number {
  const n = grid.i.length;
  const nx = Math.floor((grid.nx - 1) / k) + 1,
    ny = Math.floor((grid.ny - 1) / k) + 1;
  if (nx * ny <= 1 << 24) {
    const seen = new Uint8Array(nx * ny);
    let count = 0;
    for (let u = 0; u < n; u++) {
      const c = Math.floor(grid.j[u] / k) * nx + Math.floor(grid.i[u] / k);
      if (seen[c] === 0) {
        seen[c] = 1;
        count++;
      }
    }
    return count;
  }
  // A huge, sparse extent: sort the cell keys instead of a bitmap.
  const keys = new Float64Array(n);
  for (let u = 0; u < n; u++) keys[u] = Math.floor(grid.j[u] / k) * nx + Math.floor(grid.i[u] / k);
  keys.sort();
  let count = n > 0 ? 1 : 0;
  for (let u = 1; u < n; u++) if (keys[u] !== keys[u - 1]) count++;
  return count;
}

function fineGrid(lng: Float64Array, lat: Float64Array): GapGrid {
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
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
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
  return { x0, y0, dx, dy, nx: Math.round((x1 - x0) / dx) + 1, ny: Math.round((y1 - y0) / dy) + 1, i, j, source, coarsen: 1 };
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

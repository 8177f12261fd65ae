// Every population unit within a radius of one point, found through the
// engine's grid of unit cells (nearest-hall.ts): the cells under the radius's
// lng/lat box, then the haversine test, unit first, as coverage uses.
import * as geo from './haversine';
import type { UnitCells } from './nearest-hall';

// Local bindings: see nearest-hall.ts (module getters block inlining under tsx).
const { cosLat, EARTH_RADIUS_M, havDistanceM, haversineM, radiusBoxes } = geo;

/** A growable list of unit indexes, reused between calls. */
export class UnitList {
  ids: Int32Array = new Int32Array(256);
  count = 0;
  push(u: number): void {
    if (this.count === this.ids.length) {
      const b = new Int32Array(this.ids.length * 2);
      b.set(this.ids);
      this.ids = b;
    }
    this.ids[this.count++] = u;
  }
}

/** cosLat of every unit's latitude, as haversine.ts computes it (pass to unitsWithin). */
export function unitCosines(uLat: Float64Array): Float64Array {
  return uLat.map((y) => cosLat(y));
}

/**
 * Fill `out` with the units u for which haversineM(unit u, (lng, lat)) <=
 * radiusM, in cell order, each once; returns their count. `uCos` is
 * unitCosines(uLat).
 */
export function unitsWithin(
  cells: UnitCells,
  uLng: Float64Array,
  uLat: Float64Array,
  uCos: Float64Array,
  lng: number,
  lat: number,
  radiusM: number,
  out: UnitList,
): number {
  out.count = 0;
  if (uLng.length === 0) return 0;
  const { nx, ny, minX, minY, dx, dy, start, units, radius } = cells;
  const col = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - minX) / dx)));
  const row = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - minY) / dy)));
  // Column ranges of the boxes (two across the antimeridian, or one clamped
  // onto the grid's edge twice), merged so no cell is visited twice; the
  // boxes share their latitudes. Clamping maps a box wholly outside the grid
  // onto its edge cells; the exact test drops their units.
  const boxes = radiusBoxes(lng, lat, radiusM);
  const ranges = boxes.map(([x0, , x1]) => [col(x0), col(x1)]).sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k][0] <= ranges[k - 1][1]) {
      ranges[k - 1][1] = Math.max(ranges[k - 1][1], ranges[k][1]);
      ranges.splice(k--, 1);
    }
  }
  // The haversine term a is compared with the radius's own term, and only
  // terms within a relative 1e-9 of it (far above rounding) are converted to
  // metres, so the answer is exactly haversineM(unit, point) <= radiusM.
  const half = radiusM / (2 * EARTH_RADIUS_M);
  const aR = half >= Math.PI / 2 ? 1 : Math.sin(half) ** 2;
  const aIn = aR * (1 - 1e-9),
    aOut = aR * (1 + 1e-9);
  const cp = cosLat(lat);
  const r0 = row(boxes[0][1]),
    r1 = row(boxes[0][3]);
  for (const [c0, c1] of ranges) {
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * nx + c;
        const from = start[cell],
          to = start[cell + 1];
        if (from === to) continue;
        // A cell whose every unit is farther than the radius (triangle inequality, with a margin) is skipped.
        if (haversineM(cells.centreLng(cell), cells.centreLat(cell), lng, lat) - radius[cell] > radiusM * (1 + 1e-9) + 1e-3) continue;
        for (let k = from; k < to; k++) {
          const u = units[k];
          // haversineM(unit, point)'s term, operation for operation (see nearest-hall.ts).
          const dLat = (((lat - uLat[u]) % 360) * Math.PI) / 180;
          const dLng = (((lng - uLng[u]) % 360) * Math.PI) / 180;
          const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLng / 2), 2) * uCos[u] * cp;
          if (a <= aIn || (a <= aOut && havDistanceM(a) <= radiusM)) out.push(u);
        }
      }
    }
  }
  return out.count;
}

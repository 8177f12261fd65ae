// GCJ-02, the obfuscated datum that Chinese law requires of published maps
// (Amap, Tencent). Its forward formula is the widely published leaked one
// (as in wandergis/coordtransform and gcoord, which the tests compare against):
// a fixed polynomial-plus-sines offset, in pseudo-metres, of the position
// relative to (105° E, 35° N), turned into degrees with the radii of curvature
// of the Krasovsky 1940 ellipsoid, and applied only inside a rough box around
// China. (Some ports, e.g. googollee/eviltransform, take the WGS84 radius
// 6 378 137 m instead; that moves results by ~1 cm.) There is no closed-form
// inverse, so gcj02ToWgs84 solves it by iteration (see there).
//
// Our own code rather than gcoord's (Turf has no GCJ-02): gcoord's inverse
// never ends for some inputs near the edge of its China box, and stops ~0.1 m
// short elsewhere (see gcj02ToWgs84). test/unit/core/crs/gcj02.test.ts compares
// the forward formula with gcoord's.

/** Krasovsky 1940 ellipsoid (the Chinese Beijing-54 datum): semi-major axis, metres. */
const A_M = 6_378_245;
/** Krasovsky 1940 first eccentricity squared, from its flattening 1/298.3. */
const E2 = (1 / 298.3) * (2 - 1 / 298.3);

/**
 * The box the common converters (gcoord, coordtransform, eviltransform) treat
 * as China, degrees, edges included. It is rough: it also holds Korea, Japan,
 * Mongolia and parts of South and South-East Asia, where data are not GCJ-02
 * but still get shifted. We keep it so results match those converters.
 */
export const GCJ02_BOX = { west: 72.004, east: 137.8347, south: 0.8293, north: 55.8271 } as const;

/** True if GCJ-02 shifts a position at (lng, lat) degrees, i.e. it lies in GCJ02_BOX. */
export function inGcj02Box(lng: number, lat: number): boolean {
  return lng >= GCJ02_BOX.west && lng <= GCJ02_BOX.east && lat >= GCJ02_BOX.south && lat <= GCJ02_BOX.north;
}

const PI = Math.PI;

// The published offset, in pseudo-metres east and north, of a position x
// degrees east of 105° E and y degrees north of 35° N. Both share the
// (2/3)·(20 sin 6πx + 20 sin 2πx) term; the rest is axis-specific.
function eastM(x: number, y: number): number {
  const wiggle = ((20 * Math.sin(6 * PI * x) + 20 * Math.sin(2 * PI * x)) * 2) / 3;
  const low = ((20 * Math.sin(PI * x) + 40 * Math.sin((PI * x) / 3)) * 2) / 3;
  const long = ((150 * Math.sin((PI * x) / 12) + 300 * Math.sin((PI * x) / 30)) * 2) / 3;
  return 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + wiggle + low + long;
}

function northM(x: number, y: number): number {
  const wiggle = ((20 * Math.sin(6 * PI * x) + 20 * Math.sin(2 * PI * x)) * 2) / 3;
  const low = ((20 * Math.sin(PI * y) + 40 * Math.sin((PI * y) / 3)) * 2) / 3;
  const long = ((160 * Math.sin((PI * y) / 12) + 320 * Math.sin((PI * y) / 30)) * 2) / 3;
  return -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + wiggle + low + long;
}

/**
 * The GCJ-02 offset [dLng, dLat] in degrees at a WGS84 position, ignoring the
 * box. Pseudo-metres become degrees through the prime-vertical radius N
 * (east, scaled by cos lat) and the meridional radius M (north).
 */
export function gcj02Offset(lng: number, lat: number): [number, number] {
  const phi = (lat * PI) / 180;
  const s = Math.sin(phi);
  const w = 1 - E2 * s * s;
  const n = A_M / Math.sqrt(w); // prime-vertical radius of curvature, metres
  const m = (A_M * (1 - E2)) / (w * Math.sqrt(w)); // meridional radius of curvature, metres
  const x = lng - 105;
  const y = lat - 35;
  return [(eastM(x, y) * 180) / (n * Math.cos(phi) * PI), (northM(x, y) * 180) / (m * PI)];
}

/** Convert a WGS84 position to GCJ-02 [lng, lat], degrees; positions outside GCJ02_BOX are returned as they are. */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (!inGcj02Box(lng, lat)) return [lng, lat];
  const [dLng, dLat] = gcj02Offset(lng, lat);
  return [lng + dLng, lat + dLat];
}

// The inverse is solved to this step size, degrees (1e-10° ≈ 11 µm), so a
// WGS84 → GCJ-02 → WGS84 round trip is exact far below a millimetre. It sits
// well above the ~3e-12° at which the √|lng − 105| term can stall the
// iteration right at 105° E, so the loop always stops on it.
const INVERSE_STEP_DEG = 1e-10;
// Inside the box the offset changes by at most ~0.72 % per degree (sum over
// both axes), so each step shrinks the error ~140-fold and 4-5 steps reach
// INVERSE_STEP_DEG. Non-finite input never gets here (it fails the box test);
// the cap is only a safety net.
const INVERSE_MAX_STEPS = 25;

/**
 * Convert a GCJ-02 position to WGS84 [lng, lat], degrees, as the WGS84 point w
 * with w + offset(w) = the given point, found by fixed-point iteration
 * w ← gcj − offset(w) from w = gcj. Positions outside GCJ02_BOX are returned
 * as they are.
 *
 * Differs on purpose from gcoord, which stops once the forward residual is
 * under 1e-6° (up to ~0.11 m off); this goes on to 1e-10°. The
 * offset inside the loop ignores the box: within one offset (≤ ~0.01°) of the
 * box's edge a GCJ-02 position can have no pre-image inside the box, and
 * gcoord, testing the box at every step, then loops forever; here it gets the
 * pre-image under the unboxed formula, just outside the box.
 */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (!inGcj02Box(lng, lat)) return [lng, lat];
  let x = lng;
  let y = lat;
  for (let i = 0; i < INVERSE_MAX_STEPS; i++) {
    const [dLng, dLat] = gcj02Offset(x, y);
    const nx = lng - dLng;
    const ny = lat - dLat;
    const settled = Math.abs(nx - x) <= INVERSE_STEP_DEG && Math.abs(ny - y) <= INVERSE_STEP_DEG;
    x = nx;
    y = ny;
    if (settled) break;
  }
  return [x, y];
}

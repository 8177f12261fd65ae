// BD-09, Baidu's datum: GCJ-02 further disturbed by a tiny position-dependent
// rotation (3e-6 rad) and radial push (2e-5°) about (0°, 0°), then moved by
// (+0.0065°, +0.006°). The formula is Baidu's, as published in the widely
// copied "bd_encrypt" snippet (also in eviltransform, gcoord, coordtransform);
// the constants below are the snippet's. As in gcoord it applies everywhere,
// not only in GCJ-02's China box.
//
// Our own code rather than gcoord's for the same reasons as gcj02.ts: its
// GCJ-02 inverse can loop forever, and its BD-09 inverse stops ~0.2 m short
// (see bd09ToGcj02).

/** Angular frequency of Baidu's disturbance: 3000 × (π / 180) rad per degree. */
const K = (3000 * Math.PI) / 180;
const PUSH_DEG = 0.00002; // radial push amplitude, degrees
const TURN_RAD = 0.000003; // rotation amplitude, radians
const SHIFT_LNG = 0.0065; // final eastward move, degrees
const SHIFT_LAT = 0.006; // final northward move, degrees

/** Convert a GCJ-02 position to BD-09 [lng, lat], degrees. */
export function gcj02ToBd09(lng: number, lat: number): [number, number] {
  const r = Math.sqrt(lng * lng + lat * lat) + PUSH_DEG * Math.sin(lat * K);
  const theta = Math.atan2(lat, lng) + TURN_RAD * Math.cos(lng * K);
  return [r * Math.cos(theta) + SHIFT_LNG, r * Math.sin(theta) + SHIFT_LAT];
}

// The inverse is solved to this step size, degrees (1e-10° ≈ 11 µm).
const INVERSE_STEP_DEG = 1e-10;
// The disturbance changes by at most ~2.9 % per degree anywhere on the globe
// (~1.8 % in Shenzhen; the rotation term grows with the distance from (0°, 0°)),
// so each step shrinks the error 35-fold or more and 3-4 steps reach
// INVERSE_STEP_DEG from bd_decrypt's estimate. The cap bounds the work for
// non-finite input, which never settles.
const INVERSE_MAX_STEPS = 25;

/**
 * Convert a BD-09 position to GCJ-02 [lng, lat], degrees: the GCJ-02 point g
 * with gcj02ToBd09(g) = the given point.
 *
 * The published "bd_decrypt" (used by gcoord) undoes the disturbance with the
 * sine and cosine taken at the BD-09 instead of the GCJ-02 position, which
 * leaves up to ~2e-6° (~0.2 m) in China. We start from that estimate and
 * refine it by fixed-point iteration g ← g − (gcj02ToBd09(g) − bd) until a
 * step is under 1e-10°.
 */
export function bd09ToGcj02(lng: number, lat: number): [number, number] {
  const u = lng - SHIFT_LNG;
  const v = lat - SHIFT_LAT;
  const r = Math.sqrt(u * u + v * v) - PUSH_DEG * Math.sin(v * K);
  const theta = Math.atan2(v, u) - TURN_RAD * Math.cos(u * K);
  let x = r * Math.cos(theta);
  let y = r * Math.sin(theta);
  for (let i = 0; i < INVERSE_MAX_STEPS; i++) {
    const [bx, by] = gcj02ToBd09(x, y);
    const dx = bx - lng;
    const dy = by - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) <= INVERSE_STEP_DEG && Math.abs(dy) <= INVERSE_STEP_DEG) break;
  }
  return [x, y];
}

// Exact sign of a 2x2 determinant of doubles. Point-in-polygon decisions for
// points on or next to an area boundary must not depend on rounding, and must
// agree with turf (point-in-polygon-hao uses an exact orient2d).

// Error bound of the plain floating point evaluation (Shewchuk's ccwerrboundA).
const EPS = 2 ** -53;
const ERR = (3 + 16 * EPS) * EPS;

const view = new DataView(new ArrayBuffer(8));

/** x = m * 2^e exactly, with m an integer BigInt: [m, e]. */
export function exact(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0)
    e = -1074; // subnormal
  else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return [hi >>> 31 ? -m : m, e];
}

/** Sign (-1, 0, 1) of a*d - b*c, exact for all finite doubles. */
export function detSign(a: number, b: number, c: number, d: number): number {
  const l = a * d;
  const r = b * c;
  const det = l - r;
  if (Math.abs(det) > ERR * (Math.abs(l) + Math.abs(r))) return Math.sign(det);
  const [ma, ea] = exact(a);
  const [mb, eb] = exact(b);
  const [mc, ec] = exact(c);
  const [md, ed] = exact(d);
  let pl = ma * md;
  let pr = mb * mc;
  const el = ea + ed;
  const er = eb + ec;
  if (el > er) pl <<= BigInt(el - er);
  else pr <<= BigInt(er - el);
  return pl > pr ? 1 : pl < pr ? -1 : 0;
}

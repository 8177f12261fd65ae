// A bounding box as words for the import dialog: degree ranges and a rough
// size in km, so a planner sees at once whether a file covers the district
// (or sits off the coast because latitude and longitude were swapped).

const KM_PER_DEG = 111.195; // km per degree of latitude (R = 6 371 008.8 m)

export interface BboxWords {
  w: string;
  e: string;
  s: string;
  n: string;
  kx: string;
  ky: string;
}

/** [west, south, east, north] in degrees → 3-decimal degrees and the east–west / north–south extent in km (1 decimal). */
export function bboxWords(b: readonly [number, number, number, number]): BboxWords {
  const [w, s, e, n] = b;
  const mid = ((s + n) / 2) * (Math.PI / 180);
  const kx = (e - w) * KM_PER_DEG * Math.cos(mid);
  const ky = (n - s) * KM_PER_DEG;
  const d = (x: number) => x.toFixed(3);
  return { w: d(w), e: d(e), s: d(s), n: d(n), kx: kx.toFixed(1), ky: ky.toFixed(1) };
}

// Does loaded data fit together? A halls file from another city, population
// in another coordinate system or a population file picked as halls all load
// without an error and give plausible-looking 0 % rows. These checks find
// such mixes from what the engine already holds, so the page can say so
// while keeping the load (the planner may fix one file and load it again).
import { KNOWN_SERVICES, type HallSet, type PopulationSet } from '../types';

/** What fitCheck found; counts are halls, people (rounded) or halls. */
export type FitWarning =
  /** Fewer than half the halls lie inside any area. */
  | { kind: 'halls-outside-areas'; inside: number; total: number }
  /** Fewer than half the people lie inside any area. */
  | { kind: 'people-outside-areas'; inside: number; total: number }
  /** Fewer than half the halls lie within the population's extent (plus NEAR_M). */
  | { kind: 'halls-away-from-people'; near: number; total: number }
  /** No hall offers a known service (petition, legal-aid, psych-support). */
  | { kind: 'no-known-service'; total: number };

/** What the checks read: the engine's inputs and its area assignments. */
export interface FitInput {
  halls: Pick<HallSet, 'count' | 'lng' | 'lat' | 'services'>;
  population: Pick<PopulationSet, 'count' | 'lng' | 'lat' | 'weight'>;
  /** Area of each hall, -1 outside every area. */
  hallArea: Int32Array;
  /** Area of each population unit, -1 outside every area. */
  unitArea: Int32Array;
}

/** "Mostly outside": below this share inside. */
export const FIT_MIN_SHARE = 0.5;
/** Margin around the population's extent within which a hall still counts as near it, metres. */
export const NEAR_M = 2000;
const M_PER_DEG = 111_195; // metres per degree of latitude (R = 6 371 008.8 m)

/** The warnings for these inputs, in a fixed order; empty when everything fits. */
export function fitCheck(d: FitInput): FitWarning[] {
  const out: FitWarning[] = [];
  const h = d.halls;
  const halfOf = (part: number, total: number) => total > 0 && part < FIT_MIN_SHARE * total;

  let hallsInside = 0;
  for (let i = 0; i < h.count; i++) if (d.hallArea[i] >= 0) hallsInside++;
  if (halfOf(hallsInside, h.count)) out.push({ kind: 'halls-outside-areas', inside: hallsInside, total: h.count });

  const p = d.population;
  let people = 0;
  let peopleInside = 0;
  for (let u = 0; u < p.count; u++) {
    people += p.weight[u];
    if (d.unitArea[u] >= 0) peopleInside += p.weight[u];
  }
  if (halfOf(peopleInside, people)) out.push({ kind: 'people-outside-areas', inside: Math.round(peopleInside), total: Math.round(people) });

  const box = extent(p);
  if (box && h.count > 0) {
    const midLat = (box[1] + box[3]) / 2;
    const dy = NEAR_M / M_PER_DEG;
    const dx = dy / Math.max(0.01, Math.cos((midLat * Math.PI) / 180));
    let near = 0;
    for (let i = 0; i < h.count; i++) {
      if (h.lng[i] >= box[0] - dx && h.lng[i] <= box[2] + dx && h.lat[i] >= box[1] - dy && h.lat[i] <= box[3] + dy) near++;
    }
    if (halfOf(near, h.count)) out.push({ kind: 'halls-away-from-people', near, total: h.count });
  }

  const known = KNOWN_SERVICES as readonly string[];
  if (h.count > 0 && !h.services.some((list) => list.some((s) => known.includes(s)))) out.push({ kind: 'no-known-service', total: h.count });
  return out;
}

// [west, south, east, north] of the units with people, null when none has any.
function extent(p: FitInput['population']): [number, number, number, number] | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let u = 0; u < p.count; u++) {
    if (!(p.weight[u] > 0)) continue;
    w = Math.min(w, p.lng[u]);
    e = Math.max(e, p.lng[u]);
    s = Math.min(s, p.lat[u]);
    n = Math.max(n, p.lat[u]);
  }
  return w <= e ? [w, s, e, n] : null;
}

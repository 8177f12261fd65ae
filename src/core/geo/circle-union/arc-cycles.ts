// Exposed arcs chained into the union's boundary rings: an arc that ends where
// its circle enters another continues on that other circle, from the same
// crossing point (matched by its id, never by coordinates).
import type { Arc } from './exposed-arcs';

/**
 * The arcs as closed cycles (arc indices in boundary order), or null when they
 * do not pair up end to start exactly once each, which only happens when
 * rounding decided a near-degenerate crossing (three circles through one point)
 * differently on two circles; the caller then retries with nudged centres.
 */
export function chainArcs(arcs: Arc[]): number[][] | null {
  const byStart = new Map<number, number>();
  const ended = new Set<number>();
  for (let k = 0; k < arcs.length; k++) {
    if (byStart.has(arcs[k].start)) return null;
    byStart.set(arcs[k].start, k);
  }
  for (const a of arcs) {
    if (!byStart.has(a.end) || ended.has(a.end)) return null;
    ended.add(a.end);
  }
  // Now "next" is a permutation of the arcs, so every walk returns to its start.
  const done = new Uint8Array(arcs.length);
  const cycles: number[][] = [];
  for (let k = 0; k < arcs.length; k++) {
    const cycle: number[] = [];
    for (let a = k; !done[a]; a = byStart.get(arcs[a].end)!) {
      done[a] = 1;
      cycle.push(a);
    }
    if (cycle.length) cycles.push(cycle);
  }
  return cycles;
}

/**
 * Signed area (frame m², positive counterclockwise) enclosed by a cycle of
 * arcs: the polygon through its crossing points plus, for each arc, the
 * circular segment between the arc and its chord, r²/2·(θ − sin θ). Exact for
 * true circular arcs, and well conditioned for tiny cycles since coordinates
 * are taken relative to the first point.
 */
export function cycleArea(cycle: number[], arcs: Arc[], px: number[], py: number[], r: Float64Array): number {
  const first = arcs[cycle[0]].start;
  let s = 0;
  for (const k of cycle) {
    const a = arcs[k];
    const t = a.to - a.from;
    s += (px[a.start] - px[first]) * (py[a.end] - py[first]) - (px[a.end] - px[first]) * (py[a.start] - py[first]);
    s += r[a.circle] * r[a.circle] * (t - Math.sin(t));
  }
  return s / 2;
}

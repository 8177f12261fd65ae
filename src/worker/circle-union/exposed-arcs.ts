// The parts of one circle not inside any other circle: the complement of the
// angular intervals the other circles cover, found by one sweep around the
// circle. These arcs are exactly the union's boundary on this circle.
import type { CircleEvent } from './circle-crossings.ts';

const TAU = 2 * Math.PI;

/** An arc of circle `circle` from angle `from` to `to` (radians, counterclockwise, from < to ≤ from + 2π), starting at crossing point `start` and ending at `end`. */
export interface Arc {
  circle: number;
  from: number;
  to: number;
  start: number;
  end: number;
}

/**
 * Append to `out` the arcs of circle `circle` that lie outside every other
 * circle, given its crossing events (at least one pair). Each arc starts where
 * the circle leaves another and ends where it enters one. At equal angles an
 * entry sorts before an exit, so two covered intervals that merely touch leave
 * no zero-length gap.
 */
export function exposedArcs(circle: number, events: CircleEvent[], out: Arc[]): void {
  const ev = events.map((e) => ({ ...e, angle: e.angle - TAU * Math.floor(e.angle / TAU) }));
  ev.sort((a, b) => a.angle - b.angle || (a.enter ? 0 : 1) - (b.enter ? 0 : 1));
  const m = ev.length;
  // The intervals covering angle 0 are those whose exit sorts before their
  // entry (an interval's two events share the crossing pair, points 2k and
  // 2k + 1), decided from the sorted order itself so the count can never
  // disagree with the sweep.
  let count = 0;
  const seen = new Set<number>();
  for (const e of ev) {
    if (!e.enter && !seen.has(e.point >> 1)) count++;
    seen.add(e.point >> 1);
  }
  // Sweep twice around so a gap that wraps past angle 0 is closed too.
  let open = -1;
  for (let k = 0; k < 2 * m; k++) {
    const e = ev[k % m];
    if (e.enter) {
      if (count++ === 0 && open >= 0) {
        const s = ev[open];
        out.push({ circle, from: s.angle, to: e.angle + (k >= m ? TAU : 0), start: s.point, end: e.point });
        open = -1;
      }
    } else if (--count === 0) {
      if (k >= m) break;
      open = k;
    }
  }
}

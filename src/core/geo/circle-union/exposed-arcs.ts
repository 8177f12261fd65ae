// The parts of one circle not inside any other circle: the complement of the
// angular intervals the other circles cover, found by one sweep around the
// circle. These arcs are exactly the union's boundary on this circle.
import type { CircleEvent } from './circle-crossings';

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
 * circle, given its crossing events in (entry, exit) pairs, one pair per
 * crossing circle, as crossings() makes them; normalises their angles to
 * [0, 2π] in place. Each arc starts where the circle leaves another and ends
 * where it enters one. At equal angles an entry sorts before an exit, so two
 * covered intervals that merely touch leave no zero-length gap.
 */
export function exposedArcs(circle: number, ev: CircleEvent[], out: Arc[]): void {
  const m = ev.length;
  // An interval covers angle 0 when its exit sorts before its entry: exactly
  // the test the sort below applies, so the count can never disagree with it.
  let count = 0;
  for (let k = 0; k < m; k += 2) {
    for (const e of [ev[k], ev[k + 1]]) e.angle -= TAU * Math.floor(e.angle / TAU);
    if (ev[k].angle > ev[k + 1].angle) count++;
  }
  ev.sort((a, b) => a.angle - b.angle || (a.enter ? 0 : 1) - (b.enter ? 0 : 1));
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

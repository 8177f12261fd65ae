// Shared fast-check parameters for the fuzz suite. Every run is seeded so a
// failure replays exactly: fast-check prints `seed` and `path` on failure;
// rerun with FUZZ_SEED=<seed> FUZZ_PATH=<path> to go straight to the shrunk
// counterexample. FUZZ_RUNS multiplies the number of cases (e.g. 10 for a
// longer soak run).
import type { Parameters } from 'fast-check';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const PATH = process.env.FUZZ_PATH;
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);

/** Seeded parameters for fc.assert with `numRuns` cases (times FUZZ_RUNS). */
export function fuzzParams<T>(numRuns: number): Parameters<T> {
  return PATH === undefined
    ? { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)) }
    : { seed: SEED, path: PATH, numRuns: Math.max(1, Math.round(numRuns * SCALE)), endOnFailure: true };
}

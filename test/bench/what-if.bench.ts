// What-if and site-suggestion timing at Shenzhen scale, seeded.
// Run: npx tsx test/bench/what-if.bench.ts
// Prints times and ratios against the naive baseline measured in the same run; asserts nothing.
import { CoverageEngine } from '../../src/core/coverage/engine';
import { IncrementalCoverage } from '../../src/core/coverage/incremental-coverage';
import { ALL_KEY } from '../../src/core/services';
import { suggestSites } from '../../src/core/planning/suggest-sites';
import type { AreaSet, HallSet, PopulationSet } from '../../src/core/types';
import { mulberry32 } from '../../scripts/sample/prng';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const COLS = 500; // grid columns, 100 m apart (50 km east-west)
const ROWS = 400; // grid rows, 100 m apart (40 km north-south): 200 000 units
const HALLS = 3000;
const AREAS = 6;
const RADIUS_M = 500;
const MOVES = 2000;
const LNG0 = 113.75; // degrees, south-west corner
const LAT0 = 22.55;
const M_PER_DEG_LAT = 111_195; // metres per degree of latitude
const DLAT = 100 / M_PER_DEG_LAT; // degrees per 100 m
const DLNG = 100 / (M_PER_DEG_LAT * Math.cos(((LAT0 + (ROWS * DLAT) / 2) * Math.PI) / 180));

// Seeded so every run measures the same data.
const rng = mulberry32;

const rand = rng(42);
const n = COLS * ROWS;
const units = { lng: new Float64Array(n), lat: new Float64Array(n), weight: new Float64Array(n), area: new Int32Array(n) };
for (let r = 0, u = 0; r < ROWS; r++) {
  for (let c = 0; c < COLS; c++, u++) {
    units.lng[u] = LNG0 + c * DLNG;
    units.lat[u] = LAT0 + r * DLAT;
    units.weight[u] = rand() * 60; // people per 100 m cell
    // Six vertical strips as areas, the southmost 20 rows outside every area.
    units.area[u] = r < 20 ? -1 : Math.floor((c * AREAS) / COLS);
  }
}
const randomPoint = (): [number, number] => [LNG0 + rand() * COLS * DLNG, LAT0 + rand() * ROWS * DLAT];
const halls = { lng: [] as number[], lat: [] as number[], services: [] as string[][] };
for (let h = 0; h < HALLS; h++) {
  const [x, y] = randomPoint();
  halls.lng.push(x);
  halls.lat.push(y);
  const s = SERVICES.filter(() => rand() < 0.5);
  halls.services.push(s.length ? s : ['petition']);
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};
const readAll = (cov: IncrementalCoverage) => [...SERVICES, ALL_KEY].map((s) => cov.coveredByArea(s));
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

console.log(`what-if: ${n} units (100 m grid), ${HALLS} halls, ${SERVICES.length} services, r = ${RADIUS_M} m`);
const [cov, buildMs] = time(() => new IncrementalCoverage(units, halls, SERVICES, RADIUS_M, AREAS));
readAll(cov);
console.log(`  build (index + counts + totals): ${fmt(buildMs)}`);

// Incremental: move a random hall to a random place, then read every per-area total.
const [, movesMs] = time(() => {
  for (let i = 0; i < MOVES; i++) {
    const [x, y] = randomPoint();
    cov.moveHall(Math.floor(rand() * HALLS), x, y);
    readAll(cov);
  }
});
const perMove = movesMs / MOVES;
const afterMoves = readAll(cov);

// Baseline: recompute every count and total from the current halls (index kept).
const REBUILDS = 5;
const [, rebuildMs] = time(() => {
  for (let i = 0; i < REBUILDS; i++) {
    cov.rebuild();
    readAll(cov);
  }
});
const perRebuild = rebuildMs / REBUILDS;
const same = readAll(cov).every((a, i) => a.every((v, j) => v === afterMoves[i][j]));
console.log(`  incremental move + read all totals: ${fmt(perMove)} per move (${MOVES} moves)`);
console.log(`  full recompute + read all totals:   ${fmt(perRebuild)} per recompute (${REBUILDS} runs)`);
console.log(`  ratio full / incremental: ${(perRebuild / perMove).toFixed(0)}x; totals identical after moves: ${same}`);

// Second baseline: what the app does without what-if support, a new CoverageEngine on the
// edited halls (area assignment + nearest-hall distances) and its stats.
const strip = (a: number): AreaSet['features'][number] => {
  const x0 = LNG0 + ((a * COLS) / AREAS - 0.5) * DLNG;
  const x1 = LNG0 + (((a + 1) * COLS) / AREAS - 0.5) * DLNG;
  const y0 = LAT0 + 19.5 * DLAT;
  const y1 = LAT0 + ROWS * DLAT;
  return {
    type: 'Feature',
    properties: { name: `strip ${a}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    },
  };
};
const areaSet: AreaSet = { names: Array.from({ length: AREAS }, (_, a) => `strip ${a}`), features: Array.from({ length: AREAS }, (_, a) => strip(a)) };
const pop: PopulationSet = {
  count: n,
  lng: units.lng,
  lat: units.lat,
  weight: units.weight,
  feature: Int32Array.from({ length: n }, (_, i) => i),
  total: 0,
  kind: 'points',
};
const edited = cov.hallIds().map((id) => cov.hall(id)!);
const hallSet: HallSet = {
  count: edited.length,
  lng: Float64Array.from(edited, (h) => h.lng),
  lat: Float64Array.from(edited, (h) => h.lat),
  name: edited.map((_, i) => `hall ${i}`),
  services: edited.map((h) => [...h.services]),
  properties: edited.map(() => ({})),
};
const ENGINE_RUNS = 3;
let stats = null as ReturnType<CoverageEngine['stats']> | null;
const [, engineMs] = time(() => {
  for (let i = 0; i < ENGINE_RUNS; i++) stats = new CoverageEngine(hallSet, pop, areaSet).stats({ radiusM: RADIUS_M, services: SERVICES });
});
const perEngine = engineMs / ENGINE_RUNS;
const agree = [...SERVICES, ALL_KEY].every((s) => Math.abs(stats!.total.covered[s] - cov.covered(s)) <= 1e-9 * cov.covered(s));
console.log(`  new CoverageEngine + stats:         ${fmt(perEngine)} per run (${ENGINE_RUNS} runs)`);
console.log(`  ratio engine / incremental: ${(perEngine / perMove).toFixed(0)}x; totals agree with the engine within 1e-9: ${agree}`);

// Suggestions: N = 10 new petition halls, every unit a candidate site.
const N = 10;
const covered = cov.coveredMask('petition');
const sUnits = { lng: units.lng, lat: units.lat, weight: units.weight, covered };
console.log(`\nsuggest: N = ${N} petition sites, ${n} units as candidates, r = ${RADIUS_M} m`);
const [lazy, lazyMs] = time(() => suggestSites(sUnits, { radiusM: RADIUS_M, count: N }));
console.log(`  lazy greedy (CELF): ${fmt(lazyMs)}, ${lazy.evaluations} gain evaluations, +${lazy.sites.at(-1)?.cumulative.toFixed(0)} people`);

// Plain greedy re-evaluates every candidate each round (~N times the lazy run's work). It runs
// on every SUB-th candidate (SUB=1 by default: all of them; SUB=4 for a quicker run, scaled up),
// and lazy is re-run on the same candidates for the ratio.
const SUB = Math.max(1, Math.floor(Number(process.env.SUB ?? 1)));
const pick: number[] = [];
for (let u = 0; u < n; u += SUB) pick.push(u);
const candidates = { lng: pick.map((u) => units.lng[u]), lat: pick.map((u) => units.lat[u]) };
const [lazySub, lazySubMs] = time(() => suggestSites(sUnits, { radiusM: RADIUS_M, count: N, candidates }));
const [plainSub, plainSubMs] = time(() => suggestSites(sUnits, { radiusM: RADIUS_M, count: N, candidates, lazy: false }));
const sameSites = JSON.stringify(lazySub.sites) === JSON.stringify(plainSub.sites);
console.log(`  on ${SUB === 1 ? 'all' : `1/${SUB} of the`} candidates (${pick.length}), as explicit candidate sites:`);
console.log(`    lazy greedy:  ${fmt(lazySubMs)}, ${lazySub.evaluations} gain evaluations`);
console.log(`    plain greedy: ${fmt(plainSubMs)}, ${plainSub.evaluations} gain evaluations`);
console.log(
  `    ratio plain / lazy: ${(plainSubMs / lazySubMs).toFixed(1)}x time, ${(plainSub.evaluations / lazySub.evaluations).toFixed(1)}x evaluations; same sites: ${sameSites}`,
);
if (SUB > 1) {
  console.log(
    `  plain greedy on all ${n} candidates, scaled from the subsample: ~${fmt(plainSubMs * SUB)} (${((plainSubMs * SUB) / lazyMs).toFixed(1)}x the lazy run)`,
  );
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaIndexes, assignAreas, CoverageEngine, parseAreas, parseHalls, parsePopulation, statsJson, statsReport, suggestSites } from '../../../src/core';
import { NetworkCoverageEngine, RoadNetwork } from '../../../src/core/network';
import { suggestWalkingSites } from '../../../src/core/planning/network-sites';
import { walkingEngine } from '../../../src/worker/network';
import { RIVER_DIR } from '../helpers/river-pbf';
import { bytesSource } from '../../../src/worker/byte-source';
import type { HallSet, Stats } from '../../../src/core/types';
import type { ProposedHall } from '../../../src/worker/messages';
import { PlanningSession } from '../../../src/worker/planning-session';
import { withDistanceMode } from '../../../src/core/network/stats-mode';
import { sampleEngine } from '../core/export/sample-engine';
import { labelsFor } from '../core/export/labels';
import { readCsv } from '../helpers/read-csv';
import { BROWSER_WHOLE_MAX_BYTES } from '../../../src/core/limits';
import { hallCapacity } from '../../../src/core/coverage/hall-capacity';
import { suggestServedSites } from '../../../src/core/planning/served-sites';
import { unitCosines } from '../../../src/core/geo/units-within';
import { unitCells } from '../../../src/core/geo/nearest-hall';

const engine = sampleEngine();
const ALL3 = ['legal-aid', 'petition', 'psych-support'];

// A fresh engine on the loaded halls plus the proposed ones: the reference the what-if numbers must equal.
function freshStats(proposed: ProposedHall[], radiusM: number, services: string[]) {
  const h = engine.halls;
  const halls: HallSet = {
    count: h.count + proposed.length,
    lng: Float64Array.from([...h.lng, ...proposed.map((p) => p.lng)]),
    lat: Float64Array.from([...h.lat, ...proposed.map((p) => p.lat)]),
    name: [...h.name, ...proposed.map((p) => p.name)],
    services: [...h.services, ...proposed.map((p) => p.services)],
    properties: [...h.properties, ...proposed.map(() => ({}))],
  };
  return new CoverageEngine(halls, engine.population, engine.areas).stats({ radiusM, services });
}

function expectPlanEqualsFresh(session: PlanningSession, proposed: ProposedHall[], radiusM: number, services: string[]) {
  const plan = session.plan({ radiusM, services, proposed });
  const fresh = freshStats(proposed, radiusM, services);
  const base = engine.stats({ radiusM, services });
  expect(plan.areas.map((a) => a.name)).toEqual(fresh.areas.map((a) => a.name));
  plan.areas.forEach((a, k) => {
    expect(a.population).toBe(fresh.areas[k].population);
    expect(a.planned, a.name).toEqual(fresh.areas[k].covered);
    expect(a.baseline, a.name).toEqual(base.areas[k].covered);
  });
  expect(plan.total.planned).toEqual(fresh.total.covered);
  expect(plan.total.baseline).toEqual(base.total.covered);
  expect(plan.total.population).toBe(fresh.total.population);
  return plan;
}

const hall = (id: number, lng: number, lat: number, services: string[]): ProposedHall => ({ id, lng, lat, services, name: `拟建 ${id}` });

describe('PlanningSession.plan', () => {
  it('with no proposed halls gives the engine numbers as both baseline and plan', () => {
    expectPlanEqualsFresh(new PlanningSession(engine), [], 500, ['legal-aid']);
  });

  it('equals a fresh engine run on halls + proposed halls after adding, moving, re-servicing and removing', () => {
    const s = new PlanningSession(engine);
    let proposed = [hall(1, 113.9, 22.78, ['legal-aid']), hall(2, 113.95, 22.74, ALL3)];
    const plan = expectPlanEqualsFresh(s, proposed, 500, ['legal-aid']);
    expect(plan.total.planned['legal-aid']).toBeGreaterThan(plan.total.baseline['legal-aid']);
    proposed = [hall(1, 113.905, 22.775, ['legal-aid']), proposed[1]];
    expectPlanEqualsFresh(s, proposed, 500, ['legal-aid']);
    proposed = [hall(1, 113.905, 22.775, ['petition']), proposed[1], hall(3, 113.87, 22.72, ['legal-aid', 'psych-support'])];
    expectPlanEqualsFresh(s, proposed, 500, ['legal-aid']);
    proposed = [proposed[2]];
    expectPlanEqualsFresh(s, proposed, 500, ['legal-aid']);
    // A new radius and service set rebuilds from scratch and still matches.
    expectPlanEqualsFresh(s, proposed, 800, ALL3);
    expectPlanEqualsFresh(s, [], 800, ALL3);
  });

  it('equals a fresh engine run after any random sequence of edits (property, seeded)', () => {
    const [w, s0, e, n] = [113.85, 22.7, 114.0, 22.83];
    const edit = fc.record({
      id: fc.integer({ min: 1, max: 4 }),
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      y: fc.double({ min: 0, max: 1, noNaN: true }),
      services: fc.subarray(ALL3),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(300, 500), (edits, radiusM) => {
        const session = new PlanningSession(engine);
        const current = new Map<number, ProposedHall>();
        for (const ed of edits) {
          if (ed.remove) current.delete(ed.id);
          else current.set(ed.id, hall(ed.id, w + ed.x * (e - w), s0 + ed.y * (n - s0), [...ed.services].sort()));
          session.plan({ radiusM, services: ALL3, proposed: [...current.values()] });
        }
        expectPlanEqualsFresh(session, [...current.values()], radiusM, ALL3);
      }),
      { seed: 42, numRuns: 12 },
    );
  });
});

describe('PlanningSession.suggest', () => {
  it('ranks the same sites as the core greedy, and keeping the first adds exactly its people', () => {
    const s = new PlanningSession(engine);
    const res = s.suggest({ radiusM: 500, service: 'legal-aid', count: 3, areaIndex: null, proposed: [], candidates: null });
    const p = engine.population;
    const ref = suggestSites({ lng: p.lng, lat: p.lat, weight: p.weight, covered: engine.covered('legal-aid', 500) }, { radiusM: 500, count: 3 });
    expect(res.sites.map((x) => [x.lng, x.lat, x.added])).toEqual(ref.sites.map((x) => [x.lng, x.lat, x.added]));
    expect(res.sites.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(res.candidateCount).toBe(p.count);
    const first = res.sites[0];
    const plan = s.plan({ radiusM: 500, services: ['legal-aid'], proposed: [hall(9, first.lng, first.lat, ['legal-aid'])] });
    expect(plan.total.planned['legal-aid'] - plan.total.baseline['legal-aid']).toBe(first.added);
  });

  it('in walking mode scores sites along the roads, covered or served: across the river the site straight suggestions pass over comes first', () => {
    const text = (f: string) => readFileSync(join(RIVER_DIR, f), 'utf8');
    const base = new CoverageEngine(
      parseHalls(text('halls.geojson'), { file: 'h' }),
      parsePopulation(text('population.geojson'), { file: 'p' }),
      parseAreas(text('areas.geojson'), { file: 'a' }),
    );
    const walking = walkingEngine(base, RoadNetwork.parse(text('roads.geojson'), { file: 'roads.geojson' }));
    const q = { radiusM: 500, service: 'petition', count: 3, areaIndex: null, proposed: [], candidates: null };
    const straight = new PlanningSession(base, 'straight').suggest({ ...q, distance: 'straight' });
    const walk = new PlanningSession(walking, 'network').suggest({ ...q, distance: 'network' });
    // Straight: only the 30 people by the bridge are open. Walking: the 100 across the river too, and they come first.
    expect(straight.sites.map((x) => x.added)).toEqual([30]);
    expect(walk.sites.map((x) => x.added)).toEqual([100, 30]);
    expect([straight.request.distance, walk.request.distance]).toEqual(['straight', 'network']);
    const p = base.population;
    const ref = suggestWalkingSites(
      { lng: p.lng, lat: p.lat, weight: p.weight, covered: walking.covered('petition', 500) },
      { radiusM: 500, count: 3 },
      walking as NetworkCoverageEngine,
    );
    expect(walk.sites.map((x) => [x.lng, x.lat, x.added, x.cumulative])).toEqual(ref.sites.map((x) => [x.lng, x.lat, x.added, x.cumulative]));
    // The walking what-if with the first site as a hall rises by exactly its gain.
    const s = new PlanningSession(walking, 'network');
    const plan = s.plan({ radiusM: 500, services: ['petition'], proposed: [hall(1, walk.sites[0].lng, walk.sites[0].lat, ['petition'])], distance: 'network' });
    expect(plan.total.planned.petition - plan.total.baseline.petition).toBe(walk.sites[0].added);
    // Maximising people served, 100 each: on foot the hall's catchment is the 50 on its bank (room to spare), so the
    // 100 across the river gain 100; by straight line it holds 150 already, 100 served, and a site there gains 50.
    const served = { siteCapacity: null, capacity: 100 };
    const walkServed = s.suggest({ ...q, distance: 'network', served });
    const lineServed = new PlanningSession(base, 'straight').suggest({ ...q, distance: 'straight', served });
    expect([walkServed.mode, walkServed.request.distance, walkServed.baselineCovered]).toEqual(['served', 'network', 50]);
    expect(walkServed.sites.map((x) => x.added)).toEqual([100, 30]);
    expect([lineServed.request.distance, lineServed.baselineCovered]).toEqual(['straight', 100]);
    expect(lineServed.sites.map((x) => x.added)).toEqual([50, 30]);
  });

  it('maximising people served counts proposed halls as built, with their capacities, as an engine on all of them does', () => {
    const s = new PlanningSession(engine);
    const grid = Array.from({ length: 30 }, (_, k) => [113.9 + (k % 6) * 0.012, 22.73 + Math.floor(k / 6) * 0.015]);
    const text = ['name,lng,lat,services', ...grid.map(([x, y], k) => `c${k},${x},${y},`)].join('\n');
    const proposed = [{ ...hall(1, 113.93, 22.76, ['legal-aid']), capacity: 50 }];
    const bytes = new TextEncoder().encode(text);
    const candidates = { file: 'candidates.csv', blob: new Blob([bytes]), crs: 'wgs84' as const };
    const got = s.suggest({ radiusM: 500, service: 'legal-aid', count: 3, areaIndex: null, proposed, candidates, served: { siteCapacity: 200 } }, () =>
      bytesSource(bytes),
    );
    // The reference: a fresh engine on the loaded and the proposed hall, the plain greedy on its catchments.
    const h = engine.halls;
    const fresh = new CoverageEngine(
      {
        ...h,
        count: h.count + 1,
        lng: Float64Array.from([...h.lng, 113.93]),
        lat: Float64Array.from([...h.lat, 22.76]),
        name: [...h.name, 'p'],
        services: [...h.services, ['legal-aid']],
        properties: [...h.properties, {}],
      },
      engine.population,
      engine.areas,
    );
    const caps = Float64Array.from([...hallCapacity(h, undefined)!, 50]);
    const p = engine.population;
    const ref = suggestServedSites(
      { lng: p.lng, lat: p.lat, weight: p.weight, cos: unitCosines(p.lat), cells: unitCells(p.lng, p.lat, caps.length) },
      {
        nearestM: fresh.nearest('legal-aid'),
        nearestHall: fresh.nearestHall('legal-aid'),
        load: fresh.capacity({ radiusM: 500, services: ['legal-aid'] }, caps).load['legal-aid'],
        capacity: caps,
      },
      { radiusM: 500, count: 3, capacity: 200, candidates: { lng: grid.map((g) => g[0]), lat: grid.map((g) => g[1]) }, lazy: false },
    );
    expect(ref.sites.length).toBeGreaterThan(0);
    expect(got.sites.map((x) => [x.name, x.added, x.cumulative])).toEqual(ref.sites.map((x) => [`c${x.candidateIndex}`, x.added, x.cumulative]));
    expect([got.mode, got.baselineCovered]).toEqual(['served', ref.baselineServed]);
  });

  it('counts proposed halls as built: the next suggestion adds to them', () => {
    const s = new PlanningSession(engine);
    const before = s.suggest({ radiusM: 500, service: 'legal-aid', count: 2, areaIndex: null, proposed: [], candidates: null });
    const first = before.sites[0];
    const after = s.suggest({
      radiusM: 500,
      service: 'legal-aid',
      count: 1,
      areaIndex: null,
      proposed: [hall(1, first.lng, first.lat, ['legal-aid'])],
      candidates: null,
    });
    expect(after.baselineCovered).toBe(before.baselineCovered + first.added);
    expect(after.sites[0].added).toBe(before.sites[1].added);
  });

  it('restricted to one area picks sites inside it and counts only its people', () => {
    const s = new PlanningSession(engine);
    const k = engine.areas.names.indexOf('光明街道');
    const res = s.suggest({ radiusM: 500, service: 'psych-support', count: 2, areaIndex: k, proposed: [], candidates: null });
    const stats = engine.stats({ radiusM: 500, services: ['psych-support'] });
    expect(res.population).toBe(stats.areas[k].population);
    expect(res.baselineCovered).toBe(stats.areas[k].covered['psych-support']);
    for (const site of res.sites) {
      const u = [...engine.population.lng.keys()].find((i) => engine.population.lng[i] === site.lng && engine.population.lat[i] === site.lat)!;
      expect(engine.unitArea[u]).toBe(k);
    }
  });

  // The candidate file as the worker reads a picked file: bytes in slices (here from memory, not FileReaderSync).
  const suggestFrom = (s: PlanningSession, bytes: Uint8Array, crs: 'wgs84' | 'gcj02') =>
    s.suggest(
      {
        radiusM: 500,
        service: 'legal-aid',
        count: 2,
        areaIndex: null,
        proposed: [],
        candidates: { file: 'sites.csv', blob: new Blob([new Uint8Array(bytes)]), crs },
      },
      () => bytesSource(bytes),
    );

  it('takes candidates from a CSV file in GCJ-02 and names them', () => {
    const res = suggestFrom(
      new PlanningSession(engine),
      new TextEncoder().encode('name,lng,lat,services\n甲,113.9159,22.7563,\n乙,113.9459,22.7363,\n'),
      'gcj02',
    );
    expect(res.candidateCount).toBe(2);
    expect(res.sites.every((x) => x.name === '甲' || x.name === '乙')).toBe(true);
  });

  it('decodes a GBK candidate file (Excel on Chinese Windows) like every import, so its names read right', () => {
    // 光明公园 in GBK: B9E2 C3F7 B9AB D4B0.
    const [site] = new PlanningSession(engine).suggest({ radiusM: 500, service: 'legal-aid', count: 1, areaIndex: null, proposed: [], candidates: null }).sites;
    const gbk = Buffer.concat([Buffer.from('name,lng,lat,services\n'), Buffer.from('B9E2C3F7B9ABD4B0', 'hex'), Buffer.from(`,${site.lng},${site.lat},\n`)]);
    const res = suggestFrom(new PlanningSession(engine), gbk, 'wgs84');
    expect(res.sites.map((x) => x.name)).toEqual(['光明公园']);
  });

  it("refuses a candidate file too big to read whole with the import's one-line message", () => {
    const s = new PlanningSession(engine);
    const huge = { size: BROWSER_WHOLE_MAX_BYTES + 1, read: () => new Uint8Array(0) };
    expect(() =>
      s.suggest(
        { radiusM: 500, service: 'legal-aid', count: 1, areaIndex: null, proposed: [], candidates: { file: 'big.csv', blob: new Blob([]), crs: 'wgs84' } },
        () => huge,
      ),
    ).toThrow(/^big\.csv: .*too big to read whole in the browser/);
  });

  it('names the area each suggested site lies in', () => {
    const res = new PlanningSession(engine).suggest({ radiusM: 500, service: 'legal-aid', count: 4, areaIndex: null, proposed: [], candidates: null });
    const idx = areaIndexes(engine.areas);
    for (const site of res.sites) expect(site.area).toBe(assignAreas([site.lng], [site.lat], idx)[0]);
    expect(res.sites.every((x) => x.area >= 0)).toBe(true);
  });
});

describe('PlanningSession.plannedGaps', () => {
  it("gives the gaps of a fresh engine on the loaded and proposed halls, and today's gaps without proposed halls", () => {
    const s = new PlanningSession(engine);
    const opts = { radiusM: 500, services: ['legal-aid'] };
    const today = engine.gaps(opts);
    const [worst] = today.features.filter((f) => f.properties.service === 'legal-aid').sort((a, b) => a.properties.rank - b.properties.rank);
    const proposed = [hall(3, worst.properties.centroid[0], worst.properties.centroid[1], ['legal-aid'])];
    const res = s.plannedGaps({ ...opts, proposed });
    expect(res.proposedIds).toEqual([3]);
    const h = engine.halls;
    const halls: HallSet = {
      ...h,
      count: h.count + 1,
      lng: Float64Array.from([...h.lng, proposed[0].lng]),
      lat: Float64Array.from([...h.lat, proposed[0].lat]),
      name: [...h.name, 'p'],
      services: [...h.services, ['legal-aid']],
      properties: [...h.properties, {}],
    };
    expect(res.gaps).toEqual(new CoverageEngine(halls, engine.population, engine.areas).gaps(opts));
    const uncovered = (g: typeof today) => g.features.filter((f) => f.properties.service === 'legal-aid').reduce((n, f) => n + f.properties.population, 0);
    expect(uncovered(res.gaps)).toBeLessThan(uncovered(today));
    expect(s.plannedGaps({ ...opts, proposed: [] }).gaps).toEqual(today);
  });
});

describe('PlanningSession.exportFile', () => {
  it('builds the gap GeoJSON and the stats JSON from the engine for the asked radius and services', () => {
    const s = new PlanningSession(engine);
    const gaps = JSON.parse(s.exportFile({ file: 'gaps-geojson', radiusM: 700, services: ['petition'], crs: 'wgs84' }).text);
    expect(gaps.features).toHaveLength(
      engine.gaps({ radiusM: 700, services: ['petition'] }).features.filter((f) => f.properties.service === 'petition').length,
    );
    const stats = JSON.parse(s.exportFile({ file: 'stats-json', radiusM: 700, services: ['petition'], crs: 'gcj02' }).text);
    // The sample's halls carry (modelled) capacities, so the stats carry the capacity fields.
    expect(stats).toEqual(JSON.parse(JSON.stringify(engine.capacityStats({ radiusM: 700, services: ['petition'] }))));
  });
  it('writes the CLI’s stats JSON with capacity fields when the halls carry a capacity', () => {
    const capacity = Float64Array.from({ length: engine.halls.count }, (_, h) => (h % 3 === 0 ? Infinity : 500));
    const withCap = new CoverageEngine({ ...engine.halls, capacity }, engine.population, engine.areas);
    const text = new PlanningSession(withCap).exportFile({ file: 'stats-json', radiusM: 500, services: ['petition'], crs: 'wgs84' }).text;
    expect(text).toBe(statsJson(statsReport(withCap, { radiusM: 500, services: ['petition'], capacity: true })));
    expect(JSON.parse(text).halls.length).toBeGreaterThan(0);
  });
  it('names the distance mode in the stats JSON when roads are loaded, as the CLI does, and only then', () => {
    const req = { file: 'stats-json' as const, radiusM: 500, services: ['petition'], crs: 'wgs84' as const };
    const plain = new PlanningSession(engine).exportFile(req).text;
    for (const mode of ['straight', 'network'] as const) {
      const text = new PlanningSession(engine, mode).exportFile(req).text;
      expect(Object.keys(JSON.parse(text)).slice(0, 2)).toEqual(['radius_m', 'distance']);
      // Capacity in either mode, as the CLI writes it (the engine here measures by straight line, so the numbers are the plain file's).
      expect(text).toBe(statsJson(withDistanceMode(JSON.parse(plain) as Stats, mode)));
      expect(JSON.parse(text).halls.length).toBeGreaterThan(0);
    }
    expect(JSON.parse(plain).total.served).toBeDefined(); // the sample's halls carry capacities
    expect(plain).not.toContain('"distance"');
  });
  it('writes CSVs in the words the page sends, and refuses a CSV request without them', () => {
    const s = new PlanningSession(engine);
    const req = { file: 'gaps-csv' as const, radiusM: 700, services: ['petition'], crs: 'wgs84' as const };
    expect(() => s.exportFile(req)).toThrow(/gaps-csv: the request has no column names/);
    const [title, head] = readCsv(s.exportFile({ ...req, labels: labelsFor('zh', ['petition']) }).text);
    expect(title[0]).toMatch(/^服务圈 缺口清单/);
    expect(head[0]).toBe('服务');
  });
  it('writes the suggested sites only when asked, never a kept one', () => {
    const s = new PlanningSession(engine);
    const proposed = [{ id: 1, lng: 113.92, lat: 22.79, services: ['legal-aid'], name: 'kept' }];
    const suggested = [1, 2].map((rank) => ({ rank, lng: 113.9 + rank / 100, lat: 22.79, service: 'legal-aid', added: 10, cumulative: 10 * rank, area: 0 }));
    const req = { file: 'halls-geojson' as const, radiusM: 500, services: ['legal-aid'], crs: 'wgs84' as const, proposed, suggested, kept: [2] };
    const statuses = (r: typeof req & { includeSuggested?: boolean }) =>
      JSON.parse(s.exportFile(r).text).features.map((f: { properties: { status: string; rank?: number } }) => f.properties.rank ?? f.properties.status);
    expect(statuses(req)).toEqual(['proposed']);
    expect(statuses({ ...req, includeSuggested: true })).toEqual(['proposed', 1]);
  });
});

describe('PlanningSession.distanceChart', () => {
  it("gives at each radius asked for exactly the table's shares (stats, and capacity stats for the sample's capacities), district and areas", () => {
    const session = new PlanningSession(engine);
    const radii = [0, 250, 300, 500, 733, 1000];
    const capacity = hallCapacity(engine.halls, undefined);
    expect(capacity).not.toBeNull(); // the sample's halls carry capacities, so its table shows capacity stats
    for (const services of [['petition'], ALL3]) {
      const r = session.distanceChart({ radiusM: 500, services, radii });
      expect(r.radiusM).toBe(500);
      expect(r.curve.radii).toEqual(radii);
      radii.forEach((radiusM, j) => {
        const st = engine.stats({ radiusM, services });
        const cap = engine.capacityStats({ radiusM, services }, capacity!);
        for (const k of r.curve.keys) {
          expect(r.curve.total[k][j], `${k}@${radiusM}`).toBe(st.total.share[k]);
          expect(r.curve.total[k][j], `${k}@${radiusM}`).toBe(cap.total.share[k]);
          st.areas.forEach((a, g) => expect(r.curve.areas[g].share[k][j], `${a.name} ${k}@${radiusM}`).toBe(a.share[k]));
        }
      });
    }
  });
});

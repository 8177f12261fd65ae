import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { coarsenGrid, CoverageEngine, gapGrid, parseAreas, parseHalls, parsePopulation } from '../../../src/core';
import { OUTSIDE_AREAS, type AreaSet, type PopulationSet } from '../../../src/core/types';
import { areaInfo, buildLayers, cellSidesM, hallRank, populationCells, serviceMix } from '../../../src/worker/build-layers';
import { hallSet } from '../helpers/hall-set';
import { DISPLAY_CELLS_MAX } from '../../../src/core/limits';

function population(points: [number, number, number][]): PopulationSet {
  return {
    count: points.length,
    lng: Float64Array.from(points, (p) => p[0]),
    lat: Float64Array.from(points, (p) => p[1]),
    weight: Float64Array.from(points, (p) => p[2]),
    feature: Int32Array.from(points, (_, i) => i),
    total: points.reduce((t, p) => t + p[2], 0),
    kind: 'points',
  };
}

describe('populationCells', () => {
  // A 12 × 10 grid, 0.001° apart (≈ 103 m × 111 m at 22.77° N), every seventh cell empty.
  const pts: [number, number, number][] = [];
  for (let j = 0; j < 10; j++)
    for (let i = 0; i < 12; i++) if ((i + 12 * j) % 7 !== 3) pts.push([+(113.9 + i * 0.001).toFixed(6), +(22.77 + j * 0.001).toFixed(6), 1 + i + j]);
  const pop = population(pts);
  const grid = gapGrid(pop.lng, pop.lat);
  const cells = populationCells(pop, grid);

  it('detects the grid of the fixture (precondition)', () => {
    expect(grid.source).toBe('grid');
  });
  it('makes one square per populated cell, centred on its unit, carrying its people', () => {
    expect(cells).toHaveLength(pts.length);
    const byCentre = new Map(
      cells.map((c) => {
        const ring = c.geometry.coordinates[0];
        return [`${((ring[0][0] + ring[2][0]) / 2).toFixed(6)},${((ring[0][1] + ring[2][1]) / 2).toFixed(6)}`, c.properties.p];
      }),
    );
    for (const [x, y, p] of pts) expect(byCentre.get(`${x.toFixed(6)},${y.toFixed(6)}`)).toBe(p);
  });
  it('carries each group of people per hectare as d:<field>, in proportion to d as the group is to the people', () => {
    const half = { ...pop, groups: [{ field: 'age65', weight: pop.weight.map((w) => w / 2) }] };
    const withGroup = populationCells(half, grid);
    expect(withGroup).toHaveLength(cells.length);
    withGroup.forEach((c, k) => {
      expect(c.properties['d:age65']).toBeCloseTo(cells[k].properties.d / 2, 9);
      expect(c.properties.d).toBe(cells[k].properties.d);
    });
    expect(Object.keys(cells[0].properties)).toEqual(['p', 'd']); // no groups: nothing more
  });
  it('tiles the grid: equal squares whose edges fall halfway between units', () => {
    const one = area(cells[0]);
    for (const c of cells) expect(area(c) / one).toBeCloseTo(1, 3);
    const xs = new Set(cells.flatMap((c) => c.geometry.coordinates[0].map((p) => p[0].toFixed(7))));
    expect(xs.size).toBe(13); // 12 columns share 13 edge lines
    expect([...xs].sort()[0]).toBe('113.8995000');
  });
  it('sums units that fall in the same cell and keeps the total', () => {
    const dup = population([...pts, [113.9, 22.77, 5]]);
    const merged = populationCells(dup, gapGrid(dup.lng, dup.lat));
    expect(merged).toHaveLength(pts.length);
    expect(merged.reduce((t, c) => t + c.properties.p, 0)).toBe(dup.total);
  });
});

describe('population density and the display budget', () => {
  // A 100 m grid at 22.75° N, 6-decimal coordinates like the sample.
  const DX = 100 / (111_195 * Math.cos((22.75 * Math.PI) / 180)),
    DY = 100 / 111_195;
  const grid100 = (cols: number, rows: number): [number, number, number][] => {
    const pts: [number, number, number][] = [];
    for (let i = 0; i < cols; i++) for (let j = 0; j < rows; j++) pts.push([+(113.9 + i * DX).toFixed(6), +(22.75 + j * DY).toFixed(6), (i * 7 + j * 3) % 40]);
    return pts;
  };

  it('colours by people per hectare, which on a 100 m grid is the people of the cell', () => {
    const pop = population(grid100(20, 15));
    const grid = gapGrid(pop.lng, pop.lat);
    expect(cellSidesM(grid)).toEqual([100, 100]);
    for (const c of populationCells(pop, grid)) expect(c.properties.d).toBe(c.properties.p);
  });

  it('converts other cell sizes to people per hectare: 3 × 3 merged 100 m cells hold 9 hectares', () => {
    const pop = population(grid100(20, 15));
    const coarse = coarsenGrid(gapGrid(pop.lng, pop.lat), 3);
    expect(cellSidesM(coarse)).toEqual([300, 300]);
    const cells = populationCells(pop, coarse);
    for (const c of cells) expect(c.properties.d).toBeCloseTo(c.properties.p / 9, 12);
    expect(cells.reduce((t, c) => t + c.properties.p, 0)).toBe(pop.total);
    // Blocks of whole fine cells: every coarse edge is a fine edge (x0 − dx/2 + n·dx).
    const fine = gapGrid(pop.lng, pop.lat);
    for (const c of cells)
      for (const [x] of c.geometry.coordinates[0]) {
        const n = (x - (fine.x0 - fine.dx / 2)) / fine.dx;
        expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-6);
      }
  });

  it('sends at most DISPLAY_CELLS_MAX squares, on a coarser grid, keeping every person', () => {
    const pts = grid100(210, 200); // 42 000 populated cells (some with 0 people) > 40 000
    const pop = population(pts);
    const engine = new CoverageEngine(hallSet([]), pop, { names: [], features: [] });
    const layers = buildLayers(engine);
    expect(engine.gapGrid().coarsen).toBe(1); // the gap grid keeps the data's 100 m cells
    expect(layers.population.features.length).toBeLessThanOrEqual(DISPLAY_CELLS_MAX);
    expect(layers.cellM).toBe(200);
    expect(layers.population.features.reduce((t, f) => t + f.properties.p, 0)).toBe(pop.total);
  });
});

describe('serviceMix and hallRank', () => {
  it('lists known services in a fixed order and ignores others', () => {
    expect(serviceMix(['psych-support', 'petition', 'housing'])).toBe('petition+psych-support');
    expect(serviceMix([])).toBe('');
  });
  it('ranks district and subdistrict halls above community halls above stations', () => {
    expect([hallRank('district-hall'), hallRank('subdistrict-hall'), hallRank('community-hall'), hallRank('station'), hallRank('')]).toEqual([2, 2, 1, 0, 0]);
  });
});

describe('areaInfo', () => {
  it('gives the bounding box, an English name fallback and a label point inside a convex area', () => {
    const f = {
      type: 'Feature' as const,
      properties: { name: '甲' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    };
    const a = areaInfo(f, '甲');
    expect(a.bbox).toEqual([0, 0, 2, 1]);
    expect(a.nameEn).toBe('甲');
    expect(a.labelAt).toEqual([1, 0.5]);
  });
  it('measures the box from the coordinates, not from a bbox member in the file, and labels the largest part of a MultiPolygon', () => {
    const big = [
      [
        [10, 10],
        [14, 10],
        [14, 12],
        [10, 12],
        [10, 10],
      ],
    ];
    const small = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ];
    const f = {
      type: 'Feature' as const,
      properties: { name: '乙', name_en: 'B' },
      geometry: { type: 'MultiPolygon' as const, bbox: [0, 0, 1, 1] as [number, number, number, number], coordinates: [small, big] },
    };
    const a = areaInfo(f, '乙');
    expect(a.bbox).toEqual([0, 0, 14, 12]);
    expect(a.nameEn).toBe('B');
    expect(a.labelAt).toEqual([12, 11]);
  });
});

describe('buildLayers: the area of each hall', () => {
  // Per area (then outside, then the total), halls counted from HallInfo.area, all and per service.
  function countsFromInfos(engine: CoverageEngine) {
    const infos = buildLayers(engine).halls;
    const A = engine.areas.names.length;
    return Array.from({ length: A + 2 }, (_, g) => {
      const inG = infos.filter((h) => g === A + 1 || (g === A ? h.area === -1 : h.area === g));
      return { total: inG.length, byService: Object.fromEntries(engine.services.map((s) => [s, inG.filter((h) => h.services.includes(s)).length])) };
    });
  }
  function countsFromStats(engine: CoverageEngine) {
    const st = engine.stats({ radiusM: 500, services: engine.services });
    const outside = st.areas.find((a) => a.name === OUTSIDE_AREAS);
    const A = engine.areas.names.length;
    return [...st.areas.slice(0, A).map((a) => a.halls), outside?.halls, st.total.halls].map((h) => h && { total: h.total, byService: { ...h.byService } });
  }

  it('gives every sample hall the area the engine counts it in, so per-area lists equal the stats hall counts', () => {
    const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
    const engine = new CoverageEngine(
      parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
      parsePopulation(read('population.geojson'), { file: 'population.geojson' }),
      parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
    );
    const infos = buildLayers(engine).halls;
    expect(infos.map((h) => h.area)).toEqual([...engine.hallArea]);
    const fromInfos = countsFromInfos(engine);
    const fromStats = countsFromStats(engine);
    const A = engine.areas.names.length;
    for (let g = 0; g < A; g++) expect(fromInfos[g]).toEqual(fromStats[g]);
    expect(fromInfos[A + 1]).toEqual(fromStats[A + 1]);
    expect(fromInfos[A + 1].total).toBe(236);
  });

  it('puts a hall in the first area (file order) that holds it, on the boundary too, and -1 outside every area', () => {
    const square = (x0: number, name: string) => ({
      type: 'Feature' as const,
      properties: { name },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [x0, 0],
            [x0 + 0.02, 0],
            [x0 + 0.02, 0.02],
            [x0, 0.02],
            [x0, 0],
          ],
        ],
      },
    });
    // Areas 0 and 1 overlap on 0.01 ≤ lng ≤ 0.02; area 2 is apart.
    const features = [square(0, 'A'), square(0.01, 'B'), square(0.05, 'C')];
    const areas: AreaSet = { features, names: features.map((f) => f.properties.name) };
    const halls = hallSet([
      { p: [0.015, 0.01], s: ['petition'] }, // in A and B: A
      { p: [0.03, 0.01], s: ['petition', 'legal-aid'] }, // B only
      { p: [0.05, 0.01], s: ['legal-aid'] }, // on C's west edge: C
      { p: [0.2, 0.2], s: ['petition'] }, // outside
    ]);
    const pop: PopulationSet = {
      count: 2,
      lng: Float64Array.of(0.005, 0.3),
      lat: Float64Array.of(0.005, 0.3),
      weight: Float64Array.of(10, 5),
      feature: Int32Array.of(0, 1),
      total: 15,
      kind: 'points',
    };
    const engine = new CoverageEngine(halls, pop, areas);
    expect(buildLayers(engine).halls.map((h) => h.area)).toEqual([0, 1, 2, -1]);
    expect(countsFromInfos(engine)).toEqual(countsFromStats(engine));
  });
});

import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { gapGrid } from '../../../src/core';
import type { PopulationSet } from '../../../src/core/types';
import { areaInfo, hallRank, populationCells, serviceMix } from '../../../src/worker/build-layers';

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
  for (let j = 0; j < 10; j++) for (let i = 0; i < 12; i++) if ((i + 12 * j) % 7 !== 3) pts.push([+(113.9 + i * 0.001).toFixed(6), +(22.77 + j * 0.001).toFixed(6), 1 + i + j]);
  const pop = population(pts);
  const grid = gapGrid(pop.lng, pop.lat);
  const cells = populationCells(pop, grid);

  it('detects the grid of the fixture (precondition)', () => {
    expect(grid.source).toBe('grid');
  });
  it('makes one square per populated cell, centred on its unit, carrying its people', () => {
    expect(cells).toHaveLength(pts.length);
    const byCentre = new Map(cells.map((c) => {
      const ring = c.geometry.coordinates[0];
      return [`${((ring[0][0] + ring[2][0]) / 2).toFixed(6)},${((ring[0][1] + ring[2][1]) / 2).toFixed(6)}`, c.properties.p];
    }));
    for (const [x, y, p] of pts) expect(byCentre.get(`${x.toFixed(6)},${y.toFixed(6)}`)).toBe(p);
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
    const f = { type: 'Feature' as const, properties: { name: '甲' }, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]] } };
    const a = areaInfo(f, '甲');
    expect(a.bbox).toEqual([0, 0, 2, 1]);
    expect(a.nameEn).toBe('甲');
    expect(a.labelAt).toEqual([1, 0.5]);
  });
});

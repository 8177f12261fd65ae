// The per-hall load CSV and GeoJSON from the worker, and the stats CSV's
// capacity columns, on the sample (whose halls carry modelled capacities).
import { describe, expect, it } from 'vitest';
import { PlanningSession } from '../../../../src/worker/planning-session';
import { readCsv } from '../../helpers/read-csv';
import { labelsFor } from './labels';
import { sampleEngine } from './sample-engine';

const engine = sampleEngine();
const stats = engine.capacityStats({ radiusM: 500, services: ['petition'] });
const loads = stats.halls!;

describe('hall load exports', () => {
  const s = new PlanningSession(engine);
  it('CSV: one row per hall and service with the engine’s load, served and over capacity, under the interface’s words', () => {
    const [title, head, ...rows] = readCsv(
      s.exportFile({ file: 'loads-csv', radiusM: 500, services: ['petition'], crs: 'wgs84', labels: labelsFor('zh', ['petition'], 'loads') }).text,
    );
    expect(title[0]).toMatch(/^服务圈 服务点负荷/);
    expect(head).toEqual(['序号（从0起）', '服务点', '服务', '容量（人，空为不限）', '服务范围内人口', '可服务人口', '超出容量人口', '使用率（%）']);
    expect(rows.map((r) => [Number(r[0]), r[1], Number(r[3]), Number(r[4]), Number(r[5]), Number(r[6])])).toEqual(
      loads.map((h) => [h.index, h.name, h.capacity, h.load, h.served, h.load - h.served]),
    );
  });
  it('GeoJSON: the halls in the output coordinate system, saying it', () => {
    const wgs = JSON.parse(s.exportFile({ file: 'loads-geojson', radiusM: 500, services: ['petition'], crs: 'wgs84' }).text);
    const gcj = JSON.parse(s.exportFile({ file: 'loads-geojson', radiusM: 500, services: ['petition'], crs: 'gcj02' }).text);
    expect([wgs.coordinate_system, gcj.coordinate_system]).toEqual(['WGS84', 'GCJ-02']);
    expect(wgs.features.map((f: { properties: { load: number } }) => f.properties.load)).toEqual(loads.map((h) => h.load));
    expect(wgs.features[0].geometry.coordinates).toEqual([engine.halls.lng[0], engine.halls.lat[0]]);
    expect(Math.abs(gcj.features[0].geometry.coordinates[0] - wgs.features[0].geometry.coordinates[0])).toBeGreaterThan(0.003);
  });
  it('stats CSV: served and over capacity after the coverage columns', () => {
    const [, head, ...rows] = readCsv(
      s.exportFile({ file: 'stats-csv', radiusM: 500, services: ['petition'], crs: 'wgs84', labels: labelsFor('zh', ['petition'], 'stats') }).text,
    );
    expect(head.slice(-2)).toEqual(['诉求服务可服务人口', '诉求服务超出容量人口']);
    expect(rows.at(-1)!.slice(-2).map(Number)).toEqual([stats.total.served!.petition, stats.total.over_capacity!.petition]);
  });
  it('without capacities there is no load file, said in a sentence', () => {
    const plain = sampleEngine();
    delete plain.halls.capacity;
    expect(() => new PlanningSession(plain).exportFile({ file: 'loads-geojson', radiusM: 500, services: ['petition'], crs: 'wgs84' })).toThrow(/no capacities/);
    expect(
      JSON.parse(new PlanningSession(plain).exportFile({ file: 'loads-geojson', radiusM: 500, services: ['petition'], crs: 'wgs84', capacity: 4000 }).text)
        .features,
    ).toHaveLength(236);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromWgs84, parseAreas } from '../../../src/core';
import { inspectInput, likelyCrs } from '../../../src/worker/inspect-input';

const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
const areas = parseAreas(read('areas.geojson'), { file: 'areas.geojson' });

// The sample halls as a CSV in another CRS, as an Amap or Baidu export would give them.
function hallsCsv(crs: 'wgs84' | 'gcj02' | 'bd09'): string {
  const fc = JSON.parse(read('halls.geojson'));
  const rows = fc.features.map((f: { properties: { name: string; services: string[] }; geometry: { coordinates: [number, number] } }) => {
    const [x, y] = fromWgs84(f.geometry.coordinates[0], f.geometry.coordinates[1], crs);
    return `${f.properties.name},${x.toFixed(7)},${y.toFixed(7)},"${f.properties.services.join(',')}"`;
  });
  return `name,lng,lat,services\n${rows.join('\n')}\n`;
}

describe('inspectInput', () => {
  it('recognises the sample files: halls, population and areas, with counts and fields', () => {
    const h = inspectInput('halls.geojson', read('halls.geojson'), areas);
    expect(h.role).toBe('halls');
    expect(h.summary.count).toBe(236);
    expect(h.summary.stringFields).toContain('name');
    const p = inspectInput('population.geojson', read('population.geojson'), areas);
    expect(p.role).toBe('population');
    expect(p.summary.numericFields).toContain('population');
    expect(p.sampled).toBe(2000);
    const a = inspectInput('areas.geojson', read('areas.geojson'), areas);
    expect(a.role).toBe('areas');
    expect(a.inside).toBeNull();
  });
  it('finds WGS84 population points inside the areas as given, and says WGS84', () => {
    const p = inspectInput('population.geojson', read('population.geojson'), areas);
    expect(p.inside!.wgs84).toBeGreaterThan(0.99);
    expect(likelyCrs(p.inside)).toBe('wgs84');
  });
  it('points at GCJ-02 and BD-09 for the sample halls shifted into those systems', () => {
    const g = inspectInput('halls.csv', hallsCsv('gcj02'), areas);
    expect(g.role).toBe('halls');
    expect(g.inside!.gcj02).toBeGreaterThan(g.inside!.wgs84);
    expect(likelyCrs(g.inside)).toBe('gcj02');
    expect(g.likely).toBe('gcj02');
    expect(likelyCrs(inspectInput('halls.csv', hallsCsv('bd09'), areas).inside)).toBe('bd09');
    expect(likelyCrs(inspectInput('halls.csv', hallsCsv('wgs84'), areas).inside)).toBe('wgs84');
  });
  it('throws the core one-line message for a file it cannot read', () => {
    expect(() => inspectInput('bad.geojson', '{"type":"FeatureCollection","features":[', areas)).toThrow(/^bad\.geojson: /);
  });
});

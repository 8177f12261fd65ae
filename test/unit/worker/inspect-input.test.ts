import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromWgs84, InputError, parseAreas } from '../../../src/core';
import { detectFields } from '../../../src/core/input/detect-fields';
import { bytesSource, type ByteSource } from '../../../src/worker/byte-source';
import { EvenSample, inspectInput, judgeLook, likelyCrs, lookAtSource } from '../../../src/worker/inspect-input';
import { otherCityHalls } from '../../fixtures/other-city';
import { BROWSER_STREAM_FROM_BYTES } from '../../../src/core/limits';

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
  it('takes halls with array services and a numeric id as halls, shows services among the fields, and gives the reason', () => {
    const h = inspectInput('cd-halls.geojson', JSON.stringify(otherCityHalls()), areas);
    expect(h.role).toBe('halls');
    expect(h.summary.fields).toEqual(['id', 'name', 'services']);
    expect(h.guess.role).toBe('halls');
    expect(h.guess.evidence.halls.reasons).toContainEqual({ kind: 'services', field: 'services', known: true });
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

describe('lookAtSource', () => {
  const bytes = (f: string) => new Uint8Array(readFileSync(`public/geo/${f}`));
  // A source that counts how many bytes were asked for at once, to tell streaming from whole reads.
  const counted = (b: Uint8Array) => {
    const src = bytesSource(b);
    const c: { largest: number; source: ByteSource } = {
      largest: 0,
      source: { size: src.size, read: (s, e) => ((c.largest = Math.max(c.largest, e - s)), src.read(s, e)) },
    };
    return c;
  };

  it("streams the sample population (over BROWSER_STREAM_FROM_BYTES) in slices, with the whole text's summary and verdict", () => {
    const b = bytes('population.geojson');
    expect(b.length).toBeGreaterThanOrEqual(BROWSER_STREAM_FROM_BYTES);
    const c = counted(b);
    const done: number[] = [];
    const look = lookAtSource('population.geojson', c.source, (n) => done.push(n));
    expect(c.largest).toBeLessThan(b.length);
    expect(done.at(-1)).toBe(b.length);
    expect(look.summary).toEqual(detectFields(read('population.geojson'), 'population.geojson'));
    const streamed = judgeLook('population.geojson', look, areas);
    const whole = inspectInput('population.geojson', read('population.geojson'), areas);
    expect(streamed).toEqual(whole);
  });

  it('reads small files whole, and decodes GBK (a halls CSV from Chinese Excel)', () => {
    const hallBytes = bytes('halls.geojson'); // UTF-8, small: read whole
    const c = counted(hallBytes);
    expect(lookAtSource('halls.geojson', c.source).summary.count).toBe(236);
    expect(c.largest).toBe(hallBytes.length);
    const gbk = lookAtSource(
      'h.csv',
      bytesSource(
        Uint8Array.from([
          ...new TextEncoder().encode('name,lng,lat,services\n'),
          0xb9,
          0xe2,
          0xc3,
          0xf7,
          ...new TextEncoder().encode(',113.9,22.75,petition\n'),
        ]),
      ),
    );
    expect(gbk.summary).toMatchObject({ kind: 'csv', count: 1, stringFields: ['name', 'services'] });
    expect(gbk.points).toEqual([[113.9, 22.75]]);
  });

  it('falls back to the whole text for a big file that cannot be streamed ("features" before "type") and still finds its points', () => {
    const fcText = JSON.parse(read('population.geojson'));
    const text = JSON.stringify({ features: fcText.features, type: 'FeatureCollection' });
    const look = lookAtSource('p.geojson', bytesSource(new TextEncoder().encode(text)));
    expect(look.summary).toEqual(detectFields(text, 'p.geojson'));
    expect(look.points.length).toBe(2000);
  });

  it('names the file and the feature of a broken feature in a streamed file', () => {
    const fcText = JSON.parse(read('population.geojson'));
    fcText.features[5] = { type: 'Feature', properties: {} };
    const b = new TextEncoder().encode(JSON.stringify(fcText));
    expect(b.length).toBeGreaterThanOrEqual(BROWSER_STREAM_FROM_BYTES);
    expect(() => lookAtSource('p.geojson', bytesSource(b))).toThrow(InputError);
    expect(() => lookAtSource('p.geojson', bytesSource(b))).toThrow('p.geojson: feature 5: feature has no geometry');
  });
});

describe('EvenSample', () => {
  it('keeps min(n, 2000) points, in order, evenly spread: no gap over twice the even spacing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), (n) => {
        const s = new EvenSample();
        for (let i = 0; i < n; i++) s.add(i, 0);
        const kept = s.points().map(([i]) => i);
        expect(kept.length).toBe(Math.min(n, 2000));
        // Every step between kept points checked in one expect: two expects per point cost more than the sampling itself.
        const steps = kept.slice(1).map((v, k) => v - kept[k]);
        expect(steps.filter((d) => d <= 0 || d > Math.max(1, (2 * n) / 2000))).toEqual([]);
        if (n > 0) expect(kept[0]).toBe(0);
        if (n > 0) expect(n - 1 - kept[kept.length - 1]).toBeLessThanOrEqual(Math.max(0, (2 * n) / 2000));
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

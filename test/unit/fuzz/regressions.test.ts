// Counterexamples the fuzz suite found, kept as plain tests so they stay fixed
// even if the generators change. Each names what used to go wrong.
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/core/crs/crs';
import { formatIssue, InputError, preview } from '../../../src/core/input/input-error';
import { parseAreas } from '../../../src/core/input/parse-areas';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../src/core/input/parse-population';

/** The InputError message thrown by fn (fails on any other outcome). */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message;
  }
  throw new Error('expected an InputError');
}

describe('fuzz regressions', () => {
  it('keeps messages on one line when JSON.parse quotes U+2028/U+2029 or control characters from the file', () => {
    const m = message(() => parsePopulation('{"type":"FeatureCollection","features":[\u2028NaN\u2029]}', { file: 'p.geojson' }));
    expect(m).toMatch(/^p\.geojson: invalid JSON/);
    expect(m).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('drops terminal escape sequences carried in file names or data', () => {
    expect(formatIssue({ file: 'a\u001b[2J.csv', message: 'x\u0085y\ty' })).toBe('a [2J.csv: x y y');
  });

  it('quotes a 100 000-deep array in a message without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":${deep}},"geometry":{"type":"Point","coordinates":${deep}}}]}`;
    expect(message(() => parseHalls(text, { file: 'h.geojson' }))).toBe('h.geojson: feature 0: position [[[[…]]]] is not [lng, lat]');
    expect(message(() => parsePopulation(text, { file: 'p.geojson' }))).toBe('p.geojson: feature 0, field "population": [[[[…]]]] is not a number');
  });

  it('cuts a 100 000-character value in a message to a short excerpt', () => {
    const long = 'x'.repeat(100_000);
    const m = message(() => parseHalls(`name,lng,lat,services\nA,${long},22.7,petition`, { file: 'h.csv' }));
    expect(m).toBe(`h.csv: row 1 (line 2), field "lng": "${'x'.repeat(59)}… is not a number`);
    expect(
      message(() =>
        parseAreas(
          JSON.stringify({
            type: 'Feature',
            properties: { name: [long] },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          }),
          { file: 'a.geojson' },
        ),
      ),
    ).toBe(`a.geojson: feature 0, field "name": ["${'x'.repeat(58)}… is not a name`);
  });

  it('names a geometry type given as an object with a "toString" key instead of throwing TypeError', () => {
    const text = '{"type":"Feature","properties":{"name":"A"},"geometry":{"type":{"toString":1,"valueOf":1},"coordinates":[]}}';
    expect(message(() => parseAreas(text, { file: 'a.geojson' }))).toBe(
      'a.geojson: feature 0: wrong geometry type {"toString":1,"valueOf":1}, areas must be Polygon or MultiPolygon',
    );
    expect(message(() => parseHalls(text, { file: 'h.geojson' }))).toBe(
      'h.geojson: feature 0: wrong geometry type {"toString":1,"valueOf":1}, halls must be Point',
    );
    expect(message(() => parsePopulation(text.replace('"name":"A"', '"population":1'), { file: 'p.geojson' }))).toMatch(
      /^p\.geojson: feature 0: wrong geometry type \{"toString":1,"valueOf":1\}, population must be/,
    );
  });

  it('previews values like JSON.stringify when they are small, and shows non-finite numbers', () => {
    expect(preview(['113.9', 22.7])).toBe(JSON.stringify(['113.9', 22.7]));
    expect(preview({ a: [1, null, true] })).toBe('{"a":[1,null,true]}');
    expect(preview([Infinity, NaN])).toBe('[Infinity,NaN]');
    expect(preview(undefined)).toBe('undefined');
  });

  it('rejects a CSV holding only empty quotes instead of reading a missing header (TypeError)', () => {
    expect(message(() => parseHalls('""', { file: 'h.csv' }))).toBe('h.csv: file has no rows, only blank lines or empty quotes');
    expect(message(() => parseHalls('""\r\n""\n', { file: 'h.csv' }))).toBe('h.csv: file has no rows, only blank lines or empty quotes');
  });

  it('keeps BD-09 positions at the antimeridian and the poles inside the WGS84 range', () => {
    const [x, y] = toWgs84(-180, -90, 'bd09');
    expect(x).toBeGreaterThan(179.99); // about -180.0068 wrapped to the other side
    expect(x).toBeLessThanOrEqual(180);
    expect(y).toBe(-90);
    const h = parseHalls('name,lng,lat,services\na,180,90,petition', { file: 'h.csv', crs: 'bd09' });
    expect(Math.abs(h.lng[0]) <= 180 && Math.abs(h.lat[0]) <= 90).toBe(true);
  });

  it('rejects populations whose total overflows to Infinity, at the feature where it does', () => {
    const pt = (population: number) => ({ type: 'Feature', properties: { population }, geometry: { type: 'Point', coordinates: [113.9, 22.7] } });
    const text = JSON.stringify({ type: 'FeatureCollection', features: [pt(1), pt(1e308), pt(1e308)] });
    expect(message(() => parsePopulation(text, { file: 'p.geojson' }))).toBe(
      `p.geojson: feature 2, field "population": 1e+308 people make the file's total overflow (over ${Number.MAX_VALUE})`,
    );
  });

  it('reads CSV coordinates as decimals only, not hex/binary/octal literals', () => {
    expect(message(() => parseHalls('name,lng,lat,services\na,0x71,22.7,petition', { file: 'h.csv' }))).toBe(
      'h.csv: row 1 (line 2), field "lng": "0x71" is not a number',
    );
    expect(message(() => parseHalls('name,lng,lat,services\na,113.9,0o26,petition', { file: 'h.csv' }))).toBe(
      'h.csv: row 1 (line 2), field "lat": "0o26" is not a number',
    );
    const h = parseHalls('name,lng,lat,services\na, +113.9 ,2.27e1,petition\nb,.5,-0.,x', { file: 'h.csv' });
    expect([...h.lng, ...h.lat]).toEqual([113.9, 0.5, 22.7, -0]);
  });

  it('treats properties that are not an object (0, "abc", [1]) as no properties, not as a string to index', () => {
    const feature = (properties: unknown) => JSON.stringify({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [113.9, 22.7] } });
    for (const props of [0, 'abc', [1, 2]]) expect(parseHalls(feature(props), { file: 'h.geojson' }).properties).toEqual([{}]);
    // "abc".length is 3: a string's own keys must not be read as population
    expect(message(() => parsePopulation(feature('abc'), { file: 'p.geojson', field: 'length' }))).toBe(
      'p.geojson: feature 0, field "length": population is missing',
    );
    const area = JSON.stringify({
      type: 'Feature',
      properties: 'abc',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    });
    expect(message(() => parseAreas(area, { file: 'a.geojson', field: '0' }))).toBe('a.geojson: feature 0, field "0": area name is missing');
  });
});

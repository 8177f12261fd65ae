import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainPointReader } from '../../../../src/core/input/plain-point';

const read = (text: string, field = 'population') => plainPointReader(field)!(text, 0);

// What JSON.parse makes of the same text, cut down to the one property.
function parsed(text: string, field: string) {
  const f = JSON.parse(text);
  return { type: 'Feature', properties: Object.hasOwn(f.properties, field) ? { [field]: f.properties[field] } : {}, geometry: f.geometry };
}

const ws = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');
const key = fc.constantFrom('population', 'cell', 'name', 'pop', 'population2', '人口', 'a b');
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
  fc.constantFrom('0', '-0', '1e5', '1E+2', '2.50', '-0.0e-3', '123456789012345678901234'),
);
const scalar = fc.oneof(number, fc.constantFrom('true', 'false', 'null', '"5"', '""', '"光明 a"'));
const members = fc.array(fc.tuple(key, scalar, ws), { maxLength: 5 });

describe('plainPointReader', () => {
  it('reads what JSON.parse reads, the last of a repeated key included, wherever JSON allows whitespace', () => {
    let matched = 0;
    fc.assert(
      fc.property(members, number, number, ws, (ms, x, y, s) => {
        const props = ms.map(([k, v, w]) => `${w}"${k}"${w}:${s}${v}`).join(',');
        const text = `{${s}"type":${s}"Feature",${s}"properties":{${props}${s}},"geometry":${s}{"type":"Point",${s}"coordinates":[${s}${x},${y}${s}]${s}}${s}}`;
        const r = read(text);
        if (!ms.some(([k]) => k === 'population')) {
          expect(r).toBeNull();
          return;
        }
        matched++;
        expect(r).not.toBeNull();
        expect(r!.feature).toEqual(parsed(text, 'population'));
        expect(Object.is((r!.feature.geometry as { coordinates: number[] }).coordinates[0], JSON.parse(text).geometry.coordinates[0])).toBe(true); // -0 too
        expect(r!.end).toBe(text.length);
      }),
      { numRuns: 400 },
    );
    expect(matched).toBeGreaterThan(50);
  });

  it('starts at the given position and ends after the feature, not at the end of the text', () => {
    const f = '{"type":"Feature","properties":{"population":3},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}';
    const text = `[${f},${f}]`;
    const r = plainPointReader('population')!(text, 1 + f.length + 1);
    expect(r?.end).toBe(text.length - 1);
    expect(plainPointReader('population')!(text, 2)).toBeNull();
  });

  it('leaves to JSON.parse every feature outside the plain layout', () => {
    const p = (props: string, geometry = '{"type":"Point","coordinates":[113.9,22.7]}', extra = '') =>
      `{"type":"Feature"${extra},"properties":{${props}},"geometry":${geometry}}`;
    for (const text of [
      p('"population":1,"name":"a\\"b"'), // an escape in a string
      p('"popul\\u0061tion":1'), // an escape in a key
      p('"population":1,"nested":{"a":1}'), // a nested value
      p('"population":1,"list":[1,2]'),
      p('"population":01'), // not JSON
      p('"population":1', '{"type":"Point","coordinates":[113.9,22.7,10]}'), // a third coordinate
      p('"population":1', '{"type":"Polygon","coordinates":[]}'),
      p('"population":1', undefined, ',"id":7'), // another member
      p('"population":1\u00a0'), // not JSON whitespace
      `{"properties":{"population":1},"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}`, // another order
      p('"cell":"c1"'), // no such property
    ])
      expect(read(text), text).toBeNull();
  });

  it('reads other field names literally, and refuses names it cannot match', () => {
    const text = '{"type":"Feature","properties":{"pop.2020":"12","popX2020":1},"geometry":{"type":"Point","coordinates":[1,2]}}';
    expect(read(text, 'pop.2020')?.feature.properties).toEqual({ 'pop.2020': '12' });
    expect(plainPointReader('__proto__')).toBeNull();
    expect(plainPointReader('a"b')).toBeNull();
    expect(plainPointReader('a\\b')).toBeNull();
  });
});

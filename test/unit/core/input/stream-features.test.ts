import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../../src/core/input/input-error';
import { parsePopulation } from '../../../../src/core/input/parse-population';
import { FeatureStream, parsePopulationChunks, StreamFallback } from '../../../../src/core/input/stream-features';
import type { PopulationSet } from '../../../../src/core/types';
import { splitBytes } from '../../helpers/split-bytes';

const enc = new TextEncoder();

/** Cut bytes at the given fractions of their length (also inside multi-byte characters). */
const split = (bytes: Uint8Array, fractions: number[]): Uint8Array[] =>
  splitBytes(
    bytes,
    fractions.map((f) => Math.floor(f * bytes.length)),
  );

type Outcome = { ok: PopulationSet } | { error: string } | { fallback: true };

function whole(text: string): Outcome {
  try {
    return { ok: parsePopulation(text, { file: 'p.geojson', samplesPerSide: 8 }) };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    throw e;
  }
}

function streamed(text: string, cuts: number[]): Outcome {
  try {
    return { ok: parsePopulationChunks(split(enc.encode(text), cuts), { file: 'p.geojson', samplesPerSide: 8 }) };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    if (e instanceof StreamFallback) return { fallback: true };
    throw e;
  }
}

const name = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', '光', '😀', ' ', '\n'), maxLength: 8 });
const coordinate = fc.oneof(
  { arbitrary: fc.double({ min: 113.8, max: 114.1, noNaN: true }), weight: 30 },
  { arbitrary: fc.constantFrom('113.9', null, Infinity), weight: 1 },
);
const point = fc.record({
  type: fc.constant('Feature'),
  properties: fc.record(
    {
      population: fc.oneof(
        { arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }), weight: 15 },
        { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 15 },
        { arbitrary: fc.constantFrom(-1, '5', null), weight: 1 },
      ),
      name,
      nested: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['population'] },
  ),
  geometry: fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(coordinate, fc.double({ min: 22.6, max: 22.9, noNaN: true })) }), weight: 40 },
    {
      arbitrary: fc.constant({
        type: 'Polygon',
        coordinates: [
          [
            [113.9, 22.7],
            [113.91, 22.7],
            [113.91, 22.71],
            [113.9, 22.7],
          ],
        ],
      }),
      weight: 1,
    },
    { arbitrary: fc.constant(null), weight: 1 },
  ),
});
const collection = fc.record({
  before: fc.dictionary(fc.constantFrom('name', 'crs', 'bbox', 'type'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
  features: fc.array(point, { maxLength: 12 }),
  after: fc.dictionary(fc.constantFrom('name', 'crs', 'bbox', 'type', 'features'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 1 }),
  typeFirst: fc.boolean(),
  indent: fc.constantFrom(undefined, 0, 1, 2, '\t'),
  bom: fc.boolean(),
});

function render(c: typeof collection extends fc.Arbitrary<infer T> ? T : never): string {
  const obj: Record<string, unknown> = c.typeFirst ? { type: 'FeatureCollection', ...c.before } : { ...c.before };
  obj.features = c.features;
  Object.assign(obj, c.after);
  if (!c.typeFirst && !('type' in c.after)) obj.type = 'FeatureCollection';
  return (c.bom ? '\uFEFF' : '') + JSON.stringify(obj, (_, v) => (v === Infinity ? Infinity : v), c.indent).replace(/"?Infinity"?/g, '1e999');
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe('parsePopulationChunks', () => {
  it('gives exactly what parsePopulation gives on the whole text, however the bytes are split', () => {
    let okCases = 0;
    fc.assert(
      fc.property(collection, cuts, (c, cs) => {
        const text = render(c);
        const s = streamed(text, cs);
        if ('fallback' in s) return; // "type" not first, or odd keys: the CLI parses the whole text
        const w = whole(text);
        if ('ok' in w && 'ok' in s) {
          expect(s.ok).toEqual(w.ok);
          okCases++;
        } else expect(s).toEqual(w); // the same message, also with several bad features
        // "type" before or after "features": both are streamed (GDAL writes type first, other tools after).
        if (!('type' in c.before) && !('type' in c.after) && !('features' in c.after)) expect('fallback' in s).toBe(false);
      }),
      { seed: 42, numRuns: 1500 },
    );
    expect(okCases).toBeGreaterThan(300); // the generator must mostly produce files both parsers accept
  });

  it('rejects truncated or corrupted text with an InputError (or falls back), never anything else', () => {
    fc.assert(
      fc.property(
        collection,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        fc.constantFrom('', ',', ']', '}', '"', '{', 'x', '\\'),
        cuts,
        (c, cut, at, junk, cs) => {
          const text = render(c);
          const k = at % (text.length + 1);
          const inserted = `${text.slice(0, k)}${junk}${text.slice(k)}`;
          const broken = inserted.slice(0, Math.max(1, Math.ceil(inserted.length * cut)));
          const s = streamed(broken, cs);
          const w = whole(broken);
          if ('ok' in s) expect(w).toEqual(s); // a corruption the stream accepts must be one JSON.parse accepts too
        },
      ),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('reports the exact messages of the whole-text parser for the documented file-level cases', () => {
    for (const text of [
      '',
      '  \n',
      '\uFEFF',
      '{"type":"FeatureCollection","features":[]}',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":-1},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}]}',
    ]) {
      expect(streamed(text, [0.5])).toEqual(whole(text));
    }
    const truncated =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":1},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}';
    expect(streamed(truncated, [0.5])).toEqual({ error: 'p.geojson: invalid JSON (Unexpected end of JSON input)' });
    expect(whole(truncated)).toEqual({ error: 'p.geojson: invalid JSON (Unexpected end of JSON input)' });
  });

  it('falls back to the whole-text parser for what it does not stream', () => {
    for (const text of [
      '[1]',
      '{"type":"Feature","properties":{},"geometry":null}',
      '{"type":"Topology","features":[]}',
      '{"features":[],"features":5}',
      '{"features":[],"type":"X"}',
    ]) {
      expect(streamed(text, [])).toEqual({ fallback: true });
    }
    expect(streamed('{"a":"\u00ff"}', [])).toEqual({ fallback: true }); // needs type
    expect(() => parsePopulationChunks([Uint8Array.from([0x7b, 0xb9, 0xe2])], { file: 'p' })).toThrow(StreamFallback); // GBK bytes
  });

  it('names line and column of a skeleton syntax error, once the text has ended', () => {
    const seen: number[] = [];
    const s = new FeatureStream('p.geojson', (_, i) => seen.push(i));
    s.push('{"type":"FeatureCollection",\n "features":[{"type":"Feature","geometry":{}}\n x]}');
    expect(seen).toEqual([0]);
    expect(() => s.end()).toThrow('p.geojson: invalid JSON (unexpected "x" at line 3, column 2)');
  });
});

// Issue 7: one file, one message, whichever reader runs. Each case was worded
// differently, or named another feature, by the streamed reader before.
describe('parsePopulationChunks says what parsePopulation says (issue 7)', () => {
  const P = (population: unknown, coordinates: unknown = [113.9, 22.7]) =>
    JSON.stringify({ type: 'Feature', properties: { population }, geometry: { type: 'Point', coordinates } });
  const collection = (...features: string[]) => `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`;

  /** Both readers, split into every chunk size from 1 to 9 bytes and whole, end in `message`. */
  function bothSay(bytes: Uint8Array | string, message: string): void {
    const b = typeof bytes === 'string' ? enc.encode(bytes) : bytes;
    const text = new TextDecoder().decode(b); // drops one BOM, as decodeText does
    expect(whole(text)).toEqual({ error: `p.geojson: ${message}` });
    for (let size = 1; size <= 10; size++) {
      const chunks = Array.from({ length: Math.ceil(b.length / size) }, (_, k) => b.subarray(k * size, (k + 1) * size));
      let got: Outcome;
      try {
        got = { ok: parsePopulationChunks(size === 10 ? [b] : chunks, { file: 'p.geojson', samplesPerSide: 8 }) };
      } catch (e) {
        if (e instanceof StreamFallback) got = { fallback: true };
        else if (e instanceof InputError) got = { error: e.message };
        else throw e;
      }
      if (!('fallback' in got)) expect(got).toEqual({ error: `p.geojson: ${message}` });
    }
  }

  it('names the first broken feature in file order, whatever is wrong with each', () => {
    bothSay(collection(P(1), P(null), '{"type":"Feature"}', '7'), 'feature 1, field "population": population is missing');
    bothSay(collection(P(1), P(2, [22.7, 113.9]), '"not a feature"'), 'feature 1: coordinates look swapped (latitude first): [22.7, 113.9]');
  });

  it('reports a JSON syntax error after a broken feature, as JSON.parse sees the file first', () => {
    bothSay(`${collection(P(-1), P(1))}\nx`, 'invalid JSON (unexpected "x" after the end of the JSON data, at line 5, column 1)');
    bothSay(collection(P(-1), `${P(1).slice(0, -1)},}`), 'invalid JSON (unexpected "}" at line 3, column 104)');
    bothSay(collection(P(null), P(1)).slice(0, 120), 'invalid JSON (Unexpected end of JSON input)');
  });

  it('words trailing junk, NaN and a truncated file the same, with line and column', () => {
    bothSay(`${collection(P(1))}\n}`, 'invalid JSON (unexpected "}" after the end of the JSON data, at line 4, column 1)');
    bothSay(collection(P(1), P(2, '[NaN, 22.7]')).replace('"[NaN, 22.7]"', '[NaN, 22.7]'), 'invalid JSON (unexpected "NaN" at line 3, column 91)');
    bothSay(collection(P(1)).slice(0, -3), 'invalid JSON (Unexpected end of JSON input)');
    bothSay(collection(P(1)).replace('113.9', '113.9x'), 'invalid JSON (unexpected "x" at line 2, column 96)');
    bothSay(collection(P(1)).replace('"population"', '"popu\tlation"'), 'invalid JSON (unexpected U+0009 at line 2, column 38)');
  });

  it('takes one byte-order mark, like the whole-text reader after decodeText, and does not count it as a column', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
    const withBoms = (n: number, text: string) => Uint8Array.from([...Array.from({ length: n }, () => [...bom]).flat(), ...enc.encode(text)]);
    bothSay(withBoms(3, collection(P(1))), 'invalid JSON (unexpected U+FEFF at line 1, column 1)');
    bothSay(withBoms(2, `${collection(P(1))}x`), 'invalid JSON (unexpected "x" after the end of the JSON data, at line 3, column 3)');
    bothSay(withBoms(1, ''), 'file is empty');
    bothSay(withBoms(2, ' \n'), 'file is empty');
    bothSay(new Uint8Array(0), 'file is empty');
  });

  it('streams a FeatureCollection whose "type" comes after "features", with the whole-text result (issue 19)', () => {
    const text = `{"features":[${P(1)},${P(2.5)}],"name":"x","type":"FeatureCollection"}`;
    expect(streamed(text, [0.3, 0.6])).toEqual(whole(text));
    expect((whole(text) as { ok: PopulationSet }).ok.total).toBe(3.5);
    bothSay(`{"features":[${P(1)},${P(-1)}],"type":"FeatureCollection"}`, 'feature 1, field "population": -1 is negative');
    // Not a collection after all: the type's message wins over the broken feature, as in the whole text.
    bothSay(`{"features":[${P(-1)}],"type":"Topology"}`, 'expected a FeatureCollection, found type "Topology"');
    bothSay(`{"features":[${P(-1)}]}`, 'expected a FeatureCollection, found type null');
  });

  it('leaves a top-level "type" or "features" after the features, or "__proto__", to the whole-text reader', () => {
    bothSay(`{"type":"FeatureCollection","features":[${P(-1)}],"type":"Topology"}`, 'expected a FeatureCollection, found type "Topology"');
    bothSay(`{"type":"FeatureCollection","features":[${P(-1)}],"features":5}`, 'FeatureCollection has no "features" array');
    bothSay(`{"type":"FeatureCollection","features":[${P(-1)}],"features":[]}`, 'the collection has no features');
    bothSay(`{"__proto__":{"type":"FeatureCollection"},"features":[${P(1)}]}`, 'expected a FeatureCollection, found type null');
  });

  it('leaves a NUL or a non-UTF-8 byte after a syntax error to decodeText', () => {
    const nul = enc.encode(`${collection(P(1))}x\u0000`);
    expect(() => parsePopulationChunks([nul], { file: 'p.geojson' })).toThrow(StreamFallback);
    const gbk = Uint8Array.from([...enc.encode(`${collection(P(-1))}x"`), 0xb9, 0xe2, 0xc3, 0xf7, 0x22]);
    expect(() => parsePopulationChunks([gbk], { file: 'p.geojson' })).toThrow(StreamFallback);
  });
});

describe('parsePopulationChunks reads well-formed features in batches (issue 14)', () => {
  const opts = { file: 'p.geojson' };
  const point = (i: number, props = '') =>
    `{"type":"Feature","properties":{"population":${i}${props}},"geometry":{"type":"Point","coordinates":[113.9${i},22.7${i}]}}`;

  it('parses a chunk of whole features with a handful of JSON.parse calls, not one per feature', () => {
    const text = `{"type":"FeatureCollection","features":[\n${Array.from({ length: 1000 }, (_, i) => point(i)).join(',\n')}\n]}`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const p = parsePopulationChunks([enc.encode(text)], opts);
      expect(p.count).toBe(1000);
      expect(parse.mock.calls.length).toBeLessThan(10);
    } finally {
      parse.mockRestore();
    }
    expect(parsePopulationChunks([enc.encode(text)], opts)).toEqual(parsePopulation(text, opts));
  });

  it('gives the whole-text result when strings and nested values look like the end of a feature, split anywhere', () => {
    // "},{" and "}]" inside strings and in arrays of objects, right before cuts.
    const odd = [',"s":"},{\\"type\\":\\"Feature\\"}"', ',"t":[{"a":1},{"b":2}]', ',"u":"}]}"', ',"v":{"w":[{}, {}]}'];
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 40 }, (_, i) => point(i, odd[i % odd.length])).join(', ')}]}`;
    const bytes = enc.encode(text);
    const expected = parsePopulation(text, opts);
    for (let cut = 1; cut < bytes.length; cut += 7) {
      expect(parsePopulationChunks([bytes.subarray(0, cut), bytes.subarray(cut)], opts)).toEqual(expected);
    }
  });

  it('names the line and column of a syntax error inside a chunk of otherwise whole features', () => {
    const lines = Array.from({ length: 30 }, (_, i) => point(i));
    lines[17] = lines[17].replace('"population":17', '"population":17,');
    const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}`;
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
    };
    const expected = message(() => parsePopulation(text, opts));
    expect(expected).toMatch(/line 19/);
    for (const cut of [10, 1000, 2000, text.length - 5]) {
      expect(message(() => parsePopulationChunks([enc.encode(text.slice(0, cut)), enc.encode(text.slice(cut))], opts))).toBe(expected);
    }
  });
});

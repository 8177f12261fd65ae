import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/input-error.ts';
import { parsePopulation } from '../../../src/core/parse-population.ts';
import { FeatureStream, parsePopulationChunks, StreamFallback } from '../../../src/core/stream-features.ts';
import type { PopulationSet } from '../../../src/core/types.ts';

const enc = new TextEncoder();

/** Cut bytes at the given fractions (also inside multi-byte characters). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const k of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, k));
    prev = k;
  }
  return out;
}

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
const coordinate = fc.oneof({ arbitrary: fc.double({ min: 113.8, max: 114.1, noNaN: true }), weight: 30 }, { arbitrary: fc.constantFrom('113.9', null, 1e999), weight: 1 });
const point = fc.record({
  type: fc.constant('Feature'),
  properties: fc.record({ population: fc.oneof({ arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }), weight: 15 }, { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 15 }, { arbitrary: fc.constantFrom(-1, '5', null), weight: 1 }), name, nested: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ['population'] }),
  geometry: fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(coordinate, fc.double({ min: 22.6, max: 22.9, noNaN: true })) }), weight: 40 },
    { arbitrary: fc.constant({ type: 'Polygon', coordinates: [[[113.9, 22.7], [113.91, 22.7], [113.91, 22.71], [113.9, 22.7]]] }), weight: 1 },
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
  return (c.bom ? '\uFEFF' : '') + JSON.stringify(obj, (_, v) => (v === 1e999 ? Infinity : v), c.indent).replace(/"?Infinity"?/g, '1e999');
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
        }
        else if ('error' in w && 'error' in s) {
          // With one bad feature both name it identically; with several, streaming reports the first it meets.
          if (c.features.length <= 1) expect(s.error).toBe(w.error);
        } else expect(s).toEqual(w);
        if (c.typeFirst && !('type' in c.after) && !('features' in c.after)) expect('fallback' in s).toBe(false);
      }),
      { seed: 42, numRuns: 1500 },
    );
    expect(okCases).toBeGreaterThan(300); // the generator must mostly produce files both parsers accept
  });

  it('rejects truncated or corrupted text with an InputError (or falls back), never anything else', () => {
    fc.assert(
      fc.property(collection, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '{', 'x', '\\'), cuts, (c, cut, at, junk, cs) => {
        const text = render(c);
        const k = at % (text.length + 1);
        const inserted = `${text.slice(0, k)}${junk}${text.slice(k)}`;
        const broken = inserted.slice(0, Math.max(1, Math.ceil(inserted.length * cut)));
        const s = streamed(broken, cs);
        const w = whole(broken);
        if ('ok' in s) expect(w).toEqual(s); // a corruption the stream accepts must be one JSON.parse accepts too
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('reports the exact messages of the whole-text parser for the documented file-level cases', () => {
    for (const text of ['', '  \n', '\uFEFF', '{"type":"FeatureCollection","features":[]}', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":-1},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}]}']) {
      expect(streamed(text, [0.5])).toEqual(whole(text));
    }
    // JSON syntax errors are worded by the JSON engine in the whole-text parser, by the scanner here.
    const truncated = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":1},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}';
    expect(streamed(truncated, [0.5])).toEqual({ error: 'p.geojson: invalid JSON (Unexpected end of JSON input)' });
    expect((whole(truncated) as { error: string }).error).toMatch(/^p\.geojson: invalid JSON \(/);
  });

  it('falls back to the whole-text parser for what it does not stream', () => {
    for (const text of ['[1]', '{"type":"Feature","properties":{},"geometry":null}', '{"type":"Topology","features":[]}', '{"features":[],"features":5}', '{"features":[],"type":"X"}']) {
      expect(streamed(text, [])).toEqual({ fallback: true });
    }
    expect(streamed('{"a":"\u00ff"}', [])).toEqual({ fallback: true }); // needs type
    expect(() => parsePopulationChunks([Uint8Array.from([0x7b, 0xb9, 0xe2])], { file: 'p' })).toThrow(StreamFallback); // GBK bytes
  });

  it('names line and column of a skeleton syntax error', () => {
    const seen: number[] = [];
    const s = new FeatureStream('p.geojson', (_, i) => seen.push(i));
    expect(() => s.push('{"type":"FeatureCollection",\n "features":[{"type":"Feature","geometry":{}}\n x]}')).toThrow('p.geojson: invalid JSON (unexpected "x" at line 3, column 2)');
    expect(seen).toEqual([0]);
  });
});

// Fuzz: a population file gives the same result, or the same one-line
// message, whether it is read whole (decodeText + parsePopulation, small
// files) or streamed (parsePopulationChunks, big files in the CLI and the
// browser, falling back to the whole text when it cannot stream). Files are
// generated valid, with broken features, then cut at a random byte, given
// trailing junk, BOMs, NUL bytes, non-UTF-8 bytes or a stray character, and
// split into chunks of random sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/input/decode-text';
import { detectFields, detectFieldsChunks } from '../../../src/core/input/detect-fields';
import { InputError } from '../../../src/core/input/input-error';
import { parsePopulation, type ParsePopulationOptions } from '../../../src/core/input/parse-population';
import { parsePopulationChunks, StreamFallback } from '../../../src/core/input/stream-features';
import { fuzzParams } from './fuzz-config';
import { feature, goodPosition, junk, people, pointGeometry, polygonGeometry, toJsonText } from './geojson-arbitraries';
import { checkInputError } from './outcome';
import { splitBytes } from '../helpers/split-bytes';

const FILE = 'population.geojson';
const enc = new TextEncoder();

type Outcome<T> = { ok: T } | { error: string };

function outcome<T>(run: () => T): Outcome<T> {
  try {
    return { ok: run() };
  } catch (e) {
    if (!(e instanceof InputError)) throw e; // a TypeError etc. fails the case with its counterexample
    checkInputError(e, FILE);
    return { error: e.message };
  }
}

const split = splitBytes;

/** How the CLI and the worker read a streamed file: the stream, or the whole text when it cannot stream. */
function streamedOrWhole<T>(
  bytes: Uint8Array,
  cuts: number[],
  stream: (chunks: Uint8Array[]) => T,
  whole: (text: string) => T,
  seen: { streamed: number },
): Outcome<T> {
  return outcome(() => {
    try {
      const r = stream(split(bytes, cuts));
      seen.streamed++;
      return r;
    } catch (e) {
      if (e instanceof InputError) seen.streamed++;
      if (!(e instanceof StreamFallback)) throw e;
      return whole(decodeText(bytes, FILE));
    }
  });
}

// A top-level member other than "features": mostly harmless, sometimes a
// second "type" or "features" (JSON: the last one wins), or "__proto__".
const member = fc.tuple(
  fc.oneof({ arbitrary: fc.constantFrom('name', 'crs', 'bbox'), weight: 6 }, { arbitrary: fc.constantFrom('type', 'features', '__proto__'), weight: 1 }),
  fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant({ type: 'FeatureCollection' })),
);
const popProps = fc.oneof(
  { arbitrary: fc.record({ population: people, name: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }), weight: 12 },
  { arbitrary: fc.record({ population: fc.integer({ min: 0, max: 50 }) }), weight: 12 },
  { arbitrary: junk, weight: 1 },
);
const hostile = feature(fc.oneof({ arbitrary: pointGeometry, weight: 10 }, { arbitrary: polygonGeometry, weight: 1 }), popProps);
const count = fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 500 }));
const goodPoint = fc.record({
  type: fc.constant('Feature'),
  properties: fc.record({ population: count, 名称: fc.string({ maxLength: 3 }) }, { requiredKeys: ['population'] }),
  geometry: fc.record({ type: fc.constant('Point'), coordinates: goodPosition }),
});
const goodPolygon = fc.record({
  type: fc.constant('Feature'),
  properties: fc.record({ population: count }),
  geometry: fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(goodPosition, { minLength: 3, maxLength: 5 }).map((ps) => [[...ps, ps[0]]]) }),
});
// Mostly clean features, so that many files are valid, with a hostile one now and then.
const features = fc.oneof(
  { arbitrary: fc.array(fc.oneof({ arbitrary: goodPoint, weight: 40 }, { arbitrary: hostile, weight: 2 }), { maxLength: 10 }), weight: 6 },
  { arbitrary: fc.array(fc.oneof({ arbitrary: goodPolygon, weight: 20 }, { arbitrary: hostile, weight: 1 }), { maxLength: 4 }), weight: 1 },
);

const collection = fc.record({
  type: fc.oneof(
    { arbitrary: fc.constant<unknown>('FeatureCollection'), weight: 12 },
    { arbitrary: fc.constantFrom<unknown>('Feature', 'Topology', null), weight: 1 },
  ),
  typeFirst: fc.oneof({ arbitrary: fc.constant(true), weight: 8 }, { arbitrary: fc.constant(false), weight: 1 }),
  before: fc.array(member, { maxLength: 2 }),
  features,
  after: fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: fc.array(member, { maxLength: 2 }), weight: 1 }),
  newline: fc.constantFrom('', '\n', '\r\n', '\n  '),
});

// Written as GDAL and QGIS write it (one feature a line) or compact; keys may repeat.
function render(c: typeof collection extends fc.Arbitrary<infer T> ? T : never): string {
  const nl = c.newline;
  const members: string[] = [];
  const typeMember = `"type":${toJsonText(c.type)}`;
  if (c.typeFirst) members.push(typeMember);
  for (const [k, v] of c.before) members.push(`${JSON.stringify(k)}:${toJsonText(v)}`);
  members.push(`"features":[${nl}${c.features.map(toJsonText).join(`,${nl}`)}${nl}]`);
  for (const [k, v] of c.after) members.push(`${JSON.stringify(k)}:${toJsonText(v)}`);
  if (!c.typeFirst) members.push(typeMember);
  return `{${nl}${members.join(`,${nl}`)}${nl}}${nl}`;
}

const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);
const GBK = Uint8Array.from([0xb9, 0xe2, 0xc3, 0xf7]); // 光明
const junkTail = fc.constantFrom(
  'x',
  '}',
  ']',
  ',',
  '\n}',
  '{}',
  ' NaN',
  'null',
  '\u0000',
  '\uFEFF',
  '\n\n  garbage\n',
  '光',
  '😀',
  '"',
  '[',
  ',{"type":"Feature"}]}',
);

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const insert = (b: Uint8Array, i: number, x: Uint8Array) => concat(b.subarray(0, i % (b.length + 1)), x, b.subarray(i % (b.length + 1)));

/** Changes a file may have suffered on its way to the planner, applied to its bytes. */
const mutation: fc.Arbitrary<(b: Uint8Array) => Uint8Array> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (b: Uint8Array) => b.subarray(0, Math.floor(b.length * f))), weight: 3 }, // truncated
  { arbitrary: fc.nat().map((i) => (b: Uint8Array) => b.subarray(0, i % (b.length + 1))), weight: 1 }, // cut at any byte
  { arbitrary: junkTail.map((t) => (b: Uint8Array) => concat(b, enc.encode(t))), weight: 3 }, // trailing junk
  { arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => (b: Uint8Array) => concat(...Array<Uint8Array>(n).fill(BOM), b)), weight: 2 }, // BOMs
  { arbitrary: fc.constant((b: Uint8Array) => concat(enc.encode(' '), BOM, b)), weight: 1 }, // a BOM after a space
  {
    arbitrary: fc.tuple(fc.nat(), fc.oneof(junkTail, fc.string({ maxLength: 2 }))).map(
      ([i, s]) =>
        (b: Uint8Array) =>
          insert(b, i, enc.encode(s)),
    ),
    weight: 3,
  }, // a stray character
  {
    arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(
      ([i, v]) =>
        (b: Uint8Array) =>
          b.map((x, k) => (k === i % b.length ? v : x)),
    ),
    weight: 1,
  }, // a flipped byte
  { arbitrary: fc.nat().map((i) => (b: Uint8Array) => insert(b, i, GBK)), weight: 1 }, // GBK bytes
);

const file = fc
  .tuple(collection, fc.oneof({ arbitrary: fc.constant([]), weight: 1 }, { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }), weight: 1 }))
  .map(([c, ms]) => ms.reduce<Uint8Array>((b, m) => m(b), enc.encode(render(c))));

// Chunk boundaries: one piece, small random pieces, or a few random cuts.
const cuts = fc.oneof(
  fc.constant<number[]>([]),
  fc.integer({ min: 1, max: 9 }).map((size) => Array.from({ length: 400 }, (_, k) => (k + 1) * size)),
  fc.array(fc.nat(), { maxLength: 6 }),
);

const opts: ParsePopulationOptions = { file: FILE, samplesPerSide: 6 };

describe('fuzz: streamed and whole-text population parsing agree', () => {
  it('give identical results, or identical one-line messages, for any file split anywhere', () => {
    const seen = { streamed: 0, ok: 0, cases: 0 };
    fc.assert(
      fc.property(file, cuts, (bytes, cs) => {
        const whole = outcome(() => parsePopulation(decodeText(bytes, FILE), opts));
        const streamed = streamedOrWhole(
          bytes,
          cs,
          (chunks) => parsePopulationChunks(chunks, opts),
          (text) => parsePopulation(text, opts),
          seen,
        );
        expect(streamed).toEqual(whole);
        seen.cases++;
        if ('ok' in whole) seen.ok++;
      }),
      fuzzParams(4000),
    );
    // The generator must mostly reach the stream itself (not its fallback), with valid files among them.
    expect(seen.streamed).toBeGreaterThan(0.5 * seen.cases);
    expect(seen.ok).toBeGreaterThan(0.1 * seen.cases);
  });

  it("the import dialog's first look (detectFieldsChunks) agrees with detectFields on the whole text", () => {
    const seen = { streamed: 0 };
    fc.assert(
      fc.property(file, cuts, (bytes, cs) => {
        const whole = outcome(() => detectFields(decodeText(bytes, FILE), FILE));
        const streamed = streamedOrWhole(
          bytes,
          cs,
          (chunks) => detectFieldsChunks(chunks, FILE),
          (text) => detectFields(text, FILE),
          seen,
        );
        expect(streamed).toEqual(whole);
      }),
      fuzzParams(1000),
    );
  });
});

// Generators of hostile GeoJSON text: valid collections around Guangming,
// then every level may be swapped for junk of the wrong type, coordinates
// may be NaN/Infinity tokens, strings, projected metres or swapped, rings may
// be unclosed, self-intersecting, zero-area or full of duplicate points.
import fc from 'fast-check';

/** A literal JSON token written as is (NaN, Infinity, 1e999, deep nesting): things JSON.stringify cannot produce. */
export class Raw {
  constructor(readonly text: string) {}
}

/** Serialise like JSON.stringify, but Raw values are written verbatim. */
export function toJsonText(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJsonText(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const LNG0 = 113.93; // degrees, Guangming
const LAT0 = 22.75;

/** Values of the wrong type or shape, including ones that break naive string conversion or recursion. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 6 },
  {
    arbitrary: fc.constantFrom<unknown>(
      { toString: 1, valueOf: 1 }, // String(x) throws on this object
      { __proto__: null, constructor: 'x' },
      new Raw('{"__proto__":{"type":"Feature"}}'),
      new Raw(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), // JSON.stringify overflows the stack on this
      'x'.repeat(100_000),
      '\u2028\u2029\r\n',
      new Raw('NaN'),
      new Raw('Infinity'),
      new Raw('-Infinity'),
      new Raw('1e999'),
      new Raw('-1e999'),
      [],
      {},
      null,
    ),
    weight: 2,
  },
);

/** A coordinate value: mostly a plausible number, sometimes anything. */
const coord = (centre: number, spread: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.double({ min: centre - spread, max: centre + spread, noNaN: true }), weight: 20 },
    { arbitrary: fc.double({ min: -180, max: 180, noNaN: true }), weight: 2 },
    { arbitrary: fc.constantFrom(-180, 180, -90, 90, 0, -0, 180.000001, 90.000001, 1e308, -1e308, 5e-324, 2580000, 12683000), weight: 2 },
    { arbitrary: fc.double({ min: -2e7, max: 2e7, noNaN: true }), weight: 1 },
    { arbitrary: fc.constantFrom(new Raw('NaN'), new Raw('Infinity'), new Raw('-Infinity'), new Raw('1e999'), '113.9', 'abc', '', null, true), weight: 2 },
    { arbitrary: junk, weight: 1 },
  );

/** A position: [lng, lat], sometimes swapped, with altitude, too short, or junk. */
export const position: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.tuple(coord(LNG0, 0.1), coord(LAT0, 0.1)), weight: 20 },
  { arbitrary: fc.tuple(coord(LAT0, 0.1), coord(LNG0, 0.1)), weight: 2 },
  { arbitrary: fc.tuple(coord(LNG0, 0.1), coord(LAT0, 0.1), fc.double({ noNaN: true })), weight: 1 },
  { arbitrary: fc.array(coord(LNG0, 0.1), { maxLength: 1 }), weight: 1 },
  { arbitrary: junk, weight: 1 },
);

/** A plausible position in Guangming (always valid). */
export const goodPosition = fc.tuple(
  fc.double({ min: LNG0 - 0.1, max: LNG0 + 0.1, noNaN: true }),
  fc.double({ min: LAT0 - 0.1, max: LAT0 + 0.1, noNaN: true }),
);

/** A ring: closed, unclosed, zero-area, self-intersecting (bow tie), with duplicates, or too short. */
export const ring: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.array(goodPosition, { minLength: 3, maxLength: 8 }).map((ps) => [...ps, ps[0]]), weight: 6 },
  { arbitrary: fc.array(goodPosition, { minLength: 4, maxLength: 8 }), weight: 2 }, // unclosed
  {
    arbitrary: fc.tuple(goodPosition, fc.double({ min: 1e-6, max: 0.05, noNaN: true })).map(([[x, y], d]) => [
      [x, y],
      [x + d, y],
      [x + 2 * d, y],
      [x, y],
    ]),
    weight: 1,
  }, // zero area, flat
  {
    arbitrary: fc.tuple(goodPosition, fc.double({ min: 1e-6, max: 0.05, noNaN: true })).map(([[x, y], d]) => [
      [x, y],
      [x + d, y + d],
      [x + d, y],
      [x, y + d],
      [x, y],
    ]),
    weight: 1,
  }, // bow tie
  { arbitrary: goodPosition.map((p) => [p, p, p, p]), weight: 1 }, // one point repeated
  { arbitrary: fc.array(position, { maxLength: 6 }), weight: 2 },
  { arbitrary: junk, weight: 1 },
);

const polygonCoords = fc.oneof(
  { arbitrary: fc.array(ring, { minLength: 1, maxLength: 3 }), weight: 8 },
  { arbitrary: fc.constant([]), weight: 1 },
  { arbitrary: junk, weight: 1 },
);

const geometryType = (usual: string) =>
  fc.oneof(
    { arbitrary: fc.constant(usual), weight: 12 },
    { arbitrary: fc.constantFrom('Point', 'MultiPoint', 'LineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'point', 'Feature'), weight: 2 },
    { arbitrary: junk, weight: 1 },
  );

/** A Point geometry, or something dressed as one. */
export const pointGeometry = fc.record({ type: geometryType('Point'), coordinates: position });

/** A Polygon or MultiPolygon geometry, or something dressed as one. */
export const polygonGeometry = fc.oneof(
  fc.record({ type: geometryType('Polygon'), coordinates: polygonCoords }),
  fc.record({
    type: geometryType('MultiPolygon'),
    coordinates: fc.oneof({ arbitrary: fc.array(polygonCoords, { maxLength: 3 }), weight: 6 }, { arbitrary: junk, weight: 1 }),
  }),
);

/** Property values for a numeric field: people counts, mostly fine. */
export const people: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1e5, noNaN: true }), weight: 12 },
  { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 4 },
  { arbitrary: fc.constantFrom(-1, -0, 1e308, 1.7e308, new Raw('1e999'), new Raw('NaN'), '12', '', null), weight: 2 },
  { arbitrary: junk, weight: 1 },
);

/** A feature whose properties come from `props` and geometry from `geometry`, sometimes broken. */
export function feature(geometry: fc.Arbitrary<unknown>, props: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('Feature'), properties: props, geometry }), weight: 20 },
    { arbitrary: fc.record({ type: fc.constant('Feature'), properties: fc.oneof(props, junk), geometry: fc.oneof(geometry, junk) }), weight: 2 },
    { arbitrary: fc.record({ type: fc.constant('Feature'), properties: props }, { requiredKeys: ['type'] }), weight: 1 },
    { arbitrary: junk, weight: 1 },
  );
}

/** A FeatureCollection (or a lone Feature, or junk) serialised to text. */
export function collectionText(feat: fc.Arbitrary<unknown>, maxFeatures = 12): fc.Arbitrary<string> {
  return fc
    .oneof(
      { arbitrary: fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feat, { maxLength: maxFeatures }) }), weight: 20 },
      {
        arbitrary: fc.record({ type: fc.oneof(fc.constant('FeatureCollection'), junk), features: fc.oneof(fc.array(feat, { maxLength: 3 }), junk) }),
        weight: 2,
      },
      { arbitrary: feat, weight: 1 },
      { arbitrary: junk, weight: 1 },
    )
    .map(toJsonText);
}

/** Corruptions of a text: cut short, BOM in front, a character replaced, garbage around it. */
export function corrupt(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: text, weight: 6 },
    { arbitrary: fc.tuple(text, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, f]) => t.slice(0, Math.floor(t.length * f))), weight: 2 },
    { arbitrary: text.map((t) => `\uFEFF${t}`), weight: 1 },
    { arbitrary: text.map((t) => `\uFEFF\uFEFF${t}`), weight: 1 },
    {
      arbitrary: fc
        .tuple(text, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
        .map(([t, i, c]) => (t === '' ? c : t.slice(0, i % t.length) + c + t.slice((i % t.length) + 1))),
      weight: 2,
    },
    { arbitrary: fc.tuple(fc.string({ maxLength: 3 }), text, fc.string({ maxLength: 3 })).map(([a, t, b]) => a + t + b), weight: 1 },
    { arbitrary: fc.constantFrom('', ' ', '\n', '\uFEFF', '{', '[', 'null', '{}', '[]', '"x"', '0'), weight: 1 },
  );
}

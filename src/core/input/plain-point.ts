// Most population files are written by GIS tools as one layout of Point
// features: {"type":"Feature","properties":{...},"geometry":{"type":"Point",
// "coordinates":[x,y]}}, with flat properties. For that layout the streamed
// reader (stream-features.ts) reads a feature with one regular expression,
// about twice as fast as JSON.parse, and builds only the one property its
// caller reads. The expression accepts a subset of JSON whose meaning is
// plain: keys and strings without escapes or control characters, numbers in
// JSON's grammar, JSON whitespace only; anything else does not match and goes
// to JSON.parse. Number() reads a JSON number to the same double as JSON.parse.
import type { Feature } from 'geojson';

const W = '[ \\t\\n\\r]*'; // JSON whitespace, not \s (which also takes U+00A0, U+2028, …)
const NUM = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?';
const STR = '"[^"\\\\\\u0000-\\u001f]*"';
const VAL = `(?:${NUM}|${STR}|true|false|null)`;
const PROP = `${STR}${W}:${W}${VAL}`;
const NUMBER_START = /^[-0-9]/;

/** A plain Point feature read from text: the feature, with only the property asked for, and where its text ends. */
export type PlainPointReader = (text: string, at: number) => { feature: Feature; end: number } | null;

/**
 * The reader of plain Point features that have the property `field`, or null
 * when `field` cannot be read this way ("__proto__", or a name JSON writes
 * with escapes). The reader gives the feature starting at text[at], or null
 * when the text there is not one. Of a repeated key the last counts, as in
 * JSON.parse: the greedy repetition before the field's member makes the
 * expression take its last occurrence.
 */
export function plainPointReader(field: string): PlainPointReader | null {
  if (field === '__proto__' || /["\\\u0000-\u001f]/.test(field)) return null;
  const name = field.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const feature = new RegExp(
    `\\{${W}"type"${W}:${W}"Feature"${W},${W}"properties"${W}:${W}\\{${W}(?:${PROP}${W},${W})*"${name}"${W}:${W}(${VAL})(?:${W},${W}${PROP})*${W}\\}${W},` +
      `${W}"geometry"${W}:${W}\\{${W}"type"${W}:${W}"Point"${W},${W}"coordinates"${W}:${W}\\[${W}(${NUM})${W},${W}(${NUM})${W}\\]${W}\\}${W}\\}`,
    'y',
  );
  return (text, at) => {
    feature.lastIndex = at;
    const m = feature.exec(text);
    if (m === null) return null;
    const properties = { [field]: value(m[1]) };
    return { feature: { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [Number(m[2]), Number(m[3])] } }, end: feature.lastIndex };
  };
}

function value(t: string): unknown {
  if (NUMBER_START.test(t)) return Number(t);
  if (t.charCodeAt(0) === 0x22) return t.slice(1, -1);
  return t === 'true' ? true : t === 'false' ? false : null;
}

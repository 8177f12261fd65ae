// Fuzz: raw file bytes through decodeText and then the parsers, as the CLI
// and the import dialog read them: random bytes, 0-byte files, files cut at
// any byte (also inside a multi-byte character), BOMs, GBK and UTF-16.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeText } from '../../../src/core/input/decode-text';
import { parseAreas } from '../../../src/core/input/parse-areas';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../src/core/input/parse-population';
import { VALID } from '../helpers/bad-inputs';
import { fuzzParams } from './fuzz-config';
import { checkAreas, checkHalls, checkPopulation, resultOrInputError } from './outcome';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) =>
  Uint8Array.from([0xff, 0xfe, ...[...s].flatMap((ch) => [...Array(ch.length)].flatMap((_, k) => [ch.charCodeAt(k) & 0xff, ch.charCodeAt(k) >> 8]))]);
// "光明" in GBK, spliced into otherwise ASCII CSV.
const GBK_NAME = [0xb9, 0xe2, 0xc3, 0xf7];
const gbkCsv = Uint8Array.from([...utf8('name,lng,lat,services\n'), ...GBK_NAME, ...utf8(',113.93,22.75,petition\n')]);

const sources = fc.constantFrom(
  utf8(VALID.halls.text),
  utf8(`\uFEFF${VALID.halls.text}`),
  utf8(VALID.population.text),
  utf8(VALID.areas.text),
  utf16le(VALID.halls.text),
  gbkCsv,
);
const bytes = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 3 },
  { arbitrary: fc.constant(new Uint8Array(0)), weight: 1 },
  { arbitrary: fc.tuple(sources, fc.double({ min: 0, max: 1, noNaN: true })).map(([b, f]) => b.subarray(0, Math.floor(b.length * f))), weight: 4 },
  { arbitrary: fc.tuple(sources, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, i, v]) => b.map((x, k) => (k === i % b.length ? v : x))), weight: 3 },
  { arbitrary: sources, weight: 1 },
);

describe('fuzz: bytes to parsed data', () => {
  it('decodes or explains any bytes, and the parsers then return clean data or one InputError', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const text = resultOrInputError('in.dat', () => decodeText(b, 'in.dat'));
        if (text === null) return;
        const h = resultOrInputError('in.dat', () => parseHalls(text, { file: 'in.dat' }));
        if (h !== null) checkHalls(h);
        const p = resultOrInputError('in.dat', () => parsePopulation(text, { file: 'in.dat', samplesPerSide: 10 }));
        if (p !== null) checkPopulation(p, p.feature[p.count - 1] + 1);
        const a = resultOrInputError('in.dat', () => parseAreas(text, { file: 'in.dat' }));
        if (a !== null) checkAreas(a);
      }),
      fuzzParams(3000),
    );
  });
});

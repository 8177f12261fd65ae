// Fuzz: hall CSV as Chinese Excel writes it. Valid files must round-trip
// exactly (names with commas and quotes, services split on , ; ， ； 、);
// hostile ones end in one InputError naming the file, row, line and field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { fuzzParams } from './fuzz-config';
import { checkHalls, checkInputError, resultOrInputError } from './outcome';

/** One CSV cell, quoted when it must be (or when `force`), quotes doubled. */
function cell(s: string, force = false): string {
  return force || /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

const nameChars = fc.constantFrom(
  '光',
  '明',
  '街',
  '道',
  '服',
  '务',
  '站',
  ',',
  '"',
  '，',
  '；',
  '、',
  '（',
  '）',
  ' ',
  'A',
  '1',
  "'",
  '\n',
  '\t',
  '=',
  '<',
  '>',
);
const hallName = fc.string({ unit: nameChars, minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
const serviceToken = fc.constantFrom('petition', 'legal-aid', 'psych-support', '诉求服务', '公共法律服务', '社会心理服务', 'Legal Aid', 'x"y');
const separator = fc.constantFrom(',', ';', '，', '；', '、', ' 、 ', ', ');
const lngText = fc.double({ min: 113.7, max: 114.1, noNaN: true }).map((x) => [x, String(x)] as const);
const latText = fc.double({ min: 22.6, max: 22.9, noNaN: true }).map((x) => [x, String(x)] as const);

const row = fc.record({
  name: hallName,
  services: fc.uniqueArray(serviceToken, { maxLength: 4 }),
  sep: separator,
  lng: lngText,
  lat: latText,
  extra: fc.string({ unit: nameChars, maxLength: 6 }),
  quoteAll: fc.boolean(),
});

const table = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 15 }),
  order: fc.constantFrom(['name', 'lng', 'lat', 'services', '地址'], ['地址', 'services', 'lat', 'lng', 'name'], ['LNG', 'Name', 'LAT', 'Services', '地址']),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  trailingEol: fc.boolean(),
  blankLines: fc.boolean(),
});

type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

function render(t: Table): string {
  const lines = [t.order.join(',')];
  for (const r of t.rows) {
    const values: Record<string, string> = {
      name: r.name,
      lng: r.lng[1],
      lat: r.lat[1],
      services: r.services.join(r.sep),
      地址: r.extra,
    };
    lines.push(t.order.map((h) => cell(values[h.toLowerCase()] ?? values[h], r.quoteAll)).join(','));
    if (t.blankLines) lines.push('');
  }
  return (t.bom ? '\uFEFF' : '') + lines.join(t.eol) + (t.trailingEol ? t.eol : '');
}

describe('fuzz: hall CSV', () => {
  it('round-trips quoted names with commas and quotes, Chinese punctuation and any line ending', () => {
    fc.assert(
      fc.property(table, (t) => {
        const h = parseHalls(render(t), { file: 'halls.csv' });
        checkHalls(h);
        expect(h.count).toBe(t.rows.length);
        t.rows.forEach((r, i) => {
          expect(h.name[i]).toBe(r.name);
          expect(h.lng[i]).toBe(r.lng[0]);
          expect(h.lat[i]).toBe(r.lat[0]);
          expect(h.services[i]).toEqual(r.services);
          expect(h.properties[i]['地址']).toBe(r.extra);
        });
      }),
      fuzzParams(1000),
    );
  });

  const badNumber = fc.constantFrom('abc', '', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', '１１３.９', '113,9', '22.7.1', 'null', '0x71', '0b1', '1_000');
  it('names the row, line and field of a coordinate that is not a number', () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.constantFrom('lng', 'lat'), badNumber, (t, k0, field, bad) => {
        const k = k0 % t.rows.length;
        const rows = t.rows.map((r, i) => (i === k ? { ...r, [field]: [NaN, bad] as const } : r));
        const text = render({ ...t, rows, blankLines: false });
        const e = (() => {
          try {
            parseHalls(text, { file: 'halls.csv' });
          } catch (err) {
            return err;
          }
          throw new Error('accepted a bad coordinate');
        })();
        if (!(e instanceof Error && e.name === 'InputError')) throw e;
        checkInputError(e as never, 'halls.csv');
        const fieldName = t.order.find((h) => h.toLowerCase() === field);
        expect(e.message).toMatch(
          new RegExp(
            `^halls\\.csv: row ${k + 1} \\(line \\d+\\), field "${fieldName}": .* is not a number$`
              .replace('field "LNG"', 'field "lng"')
              .replace('field "LAT"', 'field "lat"'),
          ),
        );
      }),
      fuzzParams(300),
    );
  });

  const junkCsv = fc.oneof(
    fc.string({
      unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '，', '、', '1', '.', '\uFEFF', 'name', 'lng', 'lat', 'services', '113.9', '22.7'),
      maxLength: 60,
    }),
    table.chain((t) => fc.tuple(fc.constant(render(t)), fc.double({ min: 0, max: 1, noNaN: true })).map(([s, f]) => s.slice(0, Math.floor(s.length * f)))),
    table.chain((t) =>
      fc
        .tuple(fc.constant(render(t)), fc.nat(), fc.constantFrom('"', ',', '\n', '\r', 'x', '-', '\u0000'))
        .map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1))),
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  it('ends every hostile CSV (truncated, stray quotes, ragged rows, binary noise) in a result or one InputError', () => {
    fc.assert(
      fc.property(junkCsv, fc.constantFrom('wgs84', 'gcj02', 'bd09') as fc.Arbitrary<'wgs84' | 'gcj02' | 'bd09'>, (text, crs) => {
        const h = resultOrInputError('halls.csv', () => parseHalls(text, { file: 'halls.csv', crs }));
        if (h !== null) checkHalls(h);
      }),
      fuzzParams(2000),
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { encodeHash, LIMITS, normalizeState, roundTo, type ShareState } from '../../../../src/ui/share/url-state';
import { decodeHash } from '../../../../src/ui/share/url-decode';

const text = (unit: 'grapheme' | 'binary') => fc.string({ unit, minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const layerId = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/);

function stateArb(unit: 'grapheme' | 'binary'): fc.Arbitrary<ShareState> {
  return fc.record(
    {
      center: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
      zoom: fc.double({ min: 0, max: 24, noNaN: true }),
      services: fc.uniqueArray(text(unit), { maxLength: 5 }),
      radius: fc.double({ min: 1, max: 50_000, noNaN: true }),
      distance: fc.constantFrom('straight' as const, 'network' as const),
      group: text(unit),
      area: text(unit),
      lang: fc.constantFrom('zh' as const, 'en' as const),
      layers: fc.uniqueArray(layerId, { maxLength: 5 }),
      proposed: fc.array(
        fc.record({
          lng: fc.double({ min: -180, max: 180, noNaN: true }),
          lat: fc.double({ min: -90, max: 90, noNaN: true }),
          services: fc.uniqueArray(text(unit), { maxLength: 3 }),
        }),
        { maxLength: 4 },
      ),
      data: fc.stringMatching(/^[0-9a-f]{8}$/),
      report: fc.constant(true),
    },
    { requiredKeys: [] },
  );
}

describe('encodeHash / decodeHash', () => {
  it('encodes the documented example in short readable form', () => {
    const hash = encodeHash({
      center: [113.931234567, 22.7712345],
      zoom: 11.234,
      services: ['petition', 'legal-aid'],
      radius: 500,
      area: '光明街道',
      lang: 'zh',
      layers: ['areas', 'halls'],
      proposed: [
        { lng: 113.9, lat: 22.7, services: ['petition'] },
        { lng: 113.95, lat: 22.72, services: ['petition', 'legal-aid'] },
      ],
    });
    expect(hash).toBe(
      '#c=113.93123,22.77123&z=11.23&s=petition,legal-aid&r=500&a=光明街道&l=zh&layers=areas,halls&p=113.9,22.7,petition;113.95,22.72,petition,legal-aid',
    );
  });

  it('encodes an empty state as an empty string and decodes it with no warnings', () => {
    expect(encodeHash({})).toBe('');
    expect(decodeHash('')).toEqual({ state: {}, warnings: [] });
    expect(decodeHash('#')).toEqual({ state: {}, warnings: [] });
  });

  it('round-trips any valid state to its normalized form without warnings', () => {
    fc.assert(
      fc.property(stateArb('binary'), (s) => {
        const { state, warnings } = decodeHash(encodeHash(s));
        expect(warnings).toEqual([]);
        expect(state).toEqual(normalizeState(s));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('round-trips through the browser URL parser, which percent-encodes Chinese and spaces', () => {
    fc.assert(
      fc.property(stateArb('grapheme'), (s) => {
        const hash = new URL('http://example.test/' + encodeHash(s)).hash;
        const { state, warnings } = decodeHash(hash);
        expect(warnings).toEqual([]);
        expect(state).toEqual(normalizeState(s));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('is idempotent: encoding a decoded link gives the same link', () => {
    fc.assert(
      fc.property(stateArb('binary'), (s) => {
        const once = encodeHash(s);
        expect(encodeHash(decodeHash(once).state)).toBe(once);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('escapes separators inside names so they survive', () => {
    const s: ShareState = { area: 'a&b=c;d,e%f#g h+i', services: ['x,y', 'z;w'] };
    const hash = encodeHash(s);
    expect(hash).not.toContain(' ');
    expect(decodeHash(hash)).toEqual({ state: s, warnings: [] });
  });

  it('rounds centre to 5 decimals, proposed halls to 6, zoom to 2 and radius to whole metres', () => {
    const { state } = decodeHash('#c=113.1234567,22.7654321&z=11.123&r=499.6&p=113.1234567,22.7654321');
    expect(state).toEqual({
      center: [113.12346, 22.76543],
      zoom: 11.12,
      radius: 500,
      proposed: [{ lng: 113.123457, lat: 22.765432, services: [] }],
    });
  });

  it('keeps empty service and layer lists, meaning "none selected"', () => {
    expect(decodeHash('#s=&layers=')).toEqual({ state: { services: [], layers: [] }, warnings: [] });
  });
});

describe('the distance mode dist', () => {
  it("carries straight or network (the CLI's --distance values) after the radius, and decodes back", () => {
    expect(encodeHash({ radius: 500, distance: 'network', area: '光明街道' })).toBe('#r=500&dist=network&a=光明街道');
    expect(decodeHash('#r=500&dist=network')).toEqual({ state: { radius: 500, distance: 'network' }, warnings: [] });
    expect(decodeHash('#dist=straight')).toEqual({ state: { distance: 'straight' }, warnings: [] });
    expect(encodeHash({ radius: 500 })).toBe('#r=500');
  });
  it('ignores any other value with a warning', () => {
    expect(decodeHash('#dist=walking')).toEqual({ state: {}, warnings: ['link: dist="walking" ignored: distance must be straight or network'] });
  });
});

describe('the group of people g', () => {
  it('carries the shown group field after the distance, escaped like other names, and decodes back', () => {
    expect(encodeHash({ radius: 500, distance: 'network', group: 'age65', area: '光明街道' })).toBe('#r=500&dist=network&g=age65&a=光明街道');
    expect(encodeHash({ group: '65 岁&以上' })).toBe('#g=65%20岁%26以上');
    expect(decodeHash('#g=65%20岁%26以上')).toEqual({ state: { group: '65 岁&以上' }, warnings: [] });
    expect(encodeHash({ radius: 500 })).toBe('#r=500');
  });
  it('ignores a blank or badly encoded group with a warning', () => {
    expect(decodeHash('#g=')).toEqual({ state: {}, warnings: [`link: g="" ignored: longer than ${LIMITS.maxText} characters, or blank`] });
    expect(decodeHash('#g=%E0%A4%A')).toMatchObject({ state: {}, warnings: [expect.stringContaining('bad percent-encoding')] });
  });
});

describe('the scenario sc', () => {
  it('names the active scenario (escaped like other names), or today with an empty value, and decodes back', () => {
    const hall = { lng: 113.9, lat: 22.7, services: ['petition'] };
    expect(encodeHash({ scenario: '方案 2, 北', proposed: [hall] })).toBe('#sc=方案%202%2C%20北&p=113.9,22.7,petition');
    expect(decodeHash('#sc=方案%202%2C%20北&p=113.9,22.7,petition')).toEqual({ state: { scenario: '方案 2, 北', proposed: [hall] }, warnings: [] });
    expect(encodeHash({ scenario: null })).toBe('#sc=');
    expect(decodeHash('#sc=')).toEqual({ state: { scenario: null }, warnings: [] });
  });
  it('ignores a blank or too long name with a warning; a link without sc has none', () => {
    expect(decodeHash('#sc=%20').state).toEqual({});
    expect(decodeHash('#sc=%20').warnings).toHaveLength(1);
    expect(decodeHash('#sc=' + 'x'.repeat(LIMITS.maxText + 1)).state).toEqual({});
    expect(decodeHash('#p=113.9,22.7').state.scenario).toBeUndefined();
  });
});

describe('the report flag', () => {
  it('opens the report from a bare #report, alone or with a view, and writes it as a bare word', () => {
    expect(decodeHash('#report')).toEqual({ state: { report: true }, warnings: [] });
    expect(decodeHash('#report&r=800').state).toEqual({ report: true, radius: 800 });
    expect(encodeHash({ radius: 800, report: true })).toBe('#report&r=800');
    expect(encodeHash({ radius: 800, report: false })).toBe('#r=800');
  });

  it('drops a value it does not know, with a warning', () => {
    const d = decodeHash('#report=yes');
    expect(d.state.report).toBeUndefined();
    expect(d.warnings).toHaveLength(1);
  });
});

describe('the data marker d', () => {
  it('says which own data a link was made on, and decodes back', () => {
    expect(encodeHash({ zoom: 12, data: '0a1b2c3d' })).toBe('#z=12&d=0a1b2c3d');
    expect(decodeHash('#z=12&d=0a1b2c3d')).toEqual({ state: { zoom: 12, data: '0a1b2c3d' }, warnings: [] });
    expect(decodeHash('#d=own').state.data).toBe('own');
  });
  it('ignores a marker that is not letters and digits, with a warning', () => {
    expect(decodeHash('#d=<x>')).toEqual({ state: {}, warnings: ['link: d="<x>" ignored: expected the number of the data (letters and digits)'] });
    expect(encodeHash({ data: 'a b' })).toBe('');
  });
});

describe('data sets in the hash', () => {
  it('carries halls=, population= and areas= as written, at the end, without warnings', () => {
    const hash = '#halls=data:text/csv,name%2Clng&r=600&areas=geo/a.geojson';
    const { state, warnings } = decodeHash(hash);
    expect(warnings).toEqual([]);
    expect(state).toEqual({ radius: 600, dataSets: { halls: 'data:text/csv,name%2Clng', areas: 'geo/a.geojson' } });
    expect(encodeHash(state)).toBe('#r=600&halls=data:text/csv,name%2Clng&areas=geo/a.geojson');
  });

  it('keeps the first of a data set given twice, as the data loader does', () => {
    expect(decodeHash('#halls=a.csv&halls=b.csv').state).toEqual({ dataSets: { halls: 'a.csv' } });
  });

  it('never writes a data value that would break the hash', () => {
    expect(encodeHash({ radius: 600, dataSets: { halls: 'a.csv&r=1', areas: 'b c', population: 'p#1' } })).toBe('#r=600');
  });
});

describe('decodeHash with bad input', () => {
  it('never throws and returns only valid values for arbitrary strings', () => {
    const garbage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      // Strings built from the hash's own alphabet reach deeper into the parser.
      fc
        .array(fc.constantFrom('c=', 'z=', 's=', 'r=', 'a=', 'l=', 'layers=', 'p=', '&', ',', ';', '%', '%E5', '-', '.', '1', '9', 'e', 'zh', 'NaN', 'x'), {
          maxLength: 40,
        })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(garbage, (g) => {
        const { state, warnings } = decodeHash(g);
        expect(Array.isArray(warnings)).toBe(true);
        if (state.center) {
          expect(Math.abs(state.center[0])).toBeLessThanOrEqual(180);
          expect(Math.abs(state.center[1])).toBeLessThanOrEqual(90);
        }
        if (state.zoom !== undefined) expect(state.zoom >= 0 && state.zoom <= 24).toBe(true);
        if (state.radius !== undefined) {
          expect(Number.isInteger(state.radius)).toBe(true);
          expect(state.radius >= LIMITS.radiusMin && state.radius <= LIMITS.radiusMax).toBe(true);
        }
        if (state.lang !== undefined) expect(['zh', 'en']).toContain(state.lang);
        for (const h of state.proposed ?? []) expect(Number.isFinite(h.lng) && Number.isFinite(h.lat)).toBe(true);
        // What was decoded must itself encode and decode cleanly.
        expect(decodeHash(encodeHash(state)).warnings).toEqual([]);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('ignores malformed values with one warning each and keeps the good ones', () => {
    const { state, warnings } = decodeHash('#c=abc,22&z=99&r=-5&l=fr&s=petition&a=%E5&p=1000,1;113.9,22.7,petition');
    expect(state).toEqual({ services: ['petition'], proposed: [{ lng: 113.9, lat: 22.7, services: ['petition'] }] });
    expect(warnings).toHaveLength(6);
    expect(warnings.join('\n')).toMatch(/c="abc,22" ignored: not a number/);
    expect(warnings.join('\n')).toMatch(/z="99" ignored: zoom must be 0..24/);
    expect(warnings.join('\n')).toMatch(/r="-5" ignored/);
    expect(warnings.join('\n')).toMatch(/l="fr" ignored: language must be zh or en/);
    expect(warnings.join('\n')).toMatch(/a=.*bad percent-encoding/);
    expect(warnings.join('\n')).toMatch(/proposed hall 1 ignored/);
  });

  it('rejects hexadecimal, empty and infinite numbers', () => {
    for (const v of ['0x1f4', '', 'Infinity', '1e999', '5 00', '500m']) {
      const { state, warnings } = decodeHash(`#r=${v}`);
      expect(state.radius).toBeUndefined();
      expect(warnings).toHaveLength(1);
    }
  });

  it('warns about unknown keys and repeated keys, using the last value', () => {
    const { state, warnings } = decodeHash('#foo=1&r=300&r=400&bar');
    expect(state).toEqual({ radius: 400 });
    expect(warnings).toEqual([
      'link: unknown setting "foo" ignored',
      'link: setting "r" given twice, the last one is used',
      'link: unknown setting "bar" ignored',
    ]);
  });

  it('drops services and layers the app does not know, when told which it knows', () => {
    const { state, warnings } = decodeHash('#s=petition,cooking&layers=halls,<script>,moon', {
      knownServices: ['petition', 'legal-aid'],
      knownLayers: ['areas', 'halls'],
    });
    expect(state).toEqual({ services: ['petition'], layers: ['halls'] });
    expect(warnings).toEqual([
      'link: s: unknown "cooking" ignored',
      'link: layers: "<script>" is not a valid name, ignored',
      'link: layers: unknown "moon" ignored',
    ]);
  });

  it('caps the number of proposed halls at the limit', () => {
    const many = Array.from({ length: LIMITS.maxProposed + 3 }, () => '113.9,22.7').join(';');
    const { state, warnings } = decodeHash('#p=' + many);
    expect(state.proposed).toHaveLength(LIMITS.maxProposed);
    expect(warnings).toHaveLength(1);
  });

  it('lists the first few warnings and counts the rest in one line, however many bad keys the link holds', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}=1`).join('&');
    const { state, warnings } = decodeHash('#' + keys + '&r=700');
    expect(state).toEqual({ radius: 700 });
    expect(warnings).toHaveLength(LIMITS.maxWarnings + 1);
    expect(warnings[0]).toBe('link: unknown setting "k0" ignored');
    expect(warnings.at(-1)).toBe(`link: ${100_000 - LIMITS.maxWarnings} more problems in the link not listed`);
  });

  it('lists every warning when there are no more than the cap', () => {
    const keys = Array.from({ length: LIMITS.maxWarnings }, (_, i) => `k${i}=1`).join('&');
    expect(decodeHash('#' + keys).warnings).toHaveLength(LIMITS.maxWarnings);
  });

  it('does not log by itself: the caller decides how to warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    decodeHash('#nonsense');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('roundTo', () => {
  it('rounds without returning negative zero', () => {
    expect(Object.is(roundTo(-0.000001, 5), 0)).toBe(true);
    expect(roundTo(113.123456789, 6)).toBe(113.123457);
  });
});

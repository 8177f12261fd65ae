import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDegrees } from '../../../../src/ui/planning/parse-degrees';

describe('parseDegrees', () => {
  it('reads plain decimal degrees, with spaces, a sign or a typographic minus', () => {
    expect(parseDegrees('113.93', 180)).toEqual({ ok: true, value: 113.93 });
    expect(parseDegrees('  22.7651 ', 90)).toEqual({ ok: true, value: 22.7651 });
    expect(parseDegrees('-0.5', 90)).toEqual({ ok: true, value: -0.5 });
    expect(parseDegrees('\u221245', 90)).toEqual({ ok: true, value: -45 });
    expect(parseDegrees('+.5', 90)).toEqual({ ok: true, value: 0.5 });
    expect(parseDegrees('7.', 90)).toEqual({ ok: true, value: 7 });
  });

  it('refuses what is not a decimal number, including what Number() would take', () => {
    for (const s of ['', '  ', 'abc', '113,93', '0x1f', '1e2', 'Infinity', 'NaN', '1.2.3', '--1', '113.9°'])
      expect(parseDegrees(s, 180), JSON.stringify(s)).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('refuses degrees beyond ±max and accepts ±max itself', () => {
    expect(parseDegrees('90', 90)).toEqual({ ok: true, value: 90 });
    expect(parseDegrees('-180', 180)).toEqual({ ok: true, value: -180 });
    expect(parseDegrees('90.000001', 90)).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseDegrees('-181', 180)).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('gives back any in-range number written with toFixed(6), to within rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), (v) => {
        const r = parseDegrees(v.toFixed(6), 180);
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.value - v)).toBeLessThanOrEqual(5e-7);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

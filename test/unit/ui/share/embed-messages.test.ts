import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMBED_VERSION, makeAppMessage, parseHostMessage, type EmbedSnapshot } from '../../../../src/ui/share/embed-messages';

const snapshot: EmbedSnapshot = {
  services: ['petition'],
  radius: 500,
  area: '光明街道',
  numbers: { population: 1000, covered: { petition: 800, all: 800 } },
};

describe('makeAppMessage', () => {
  it('builds a versioned message that is a copy of the snapshot', () => {
    const m = makeAppMessage('service-circles:ready', snapshot);
    expect(m).toEqual({ type: 'service-circles:ready', version: EMBED_VERSION, ...snapshot });
    snapshot.numbers.covered.petition = 1;
    expect(m.numbers.covered.petition).toBe(800);
    snapshot.numbers.covered.petition = 800;
  });

  it('survives structured cloning unchanged (what postMessage does)', () => {
    const m = makeAppMessage('service-circles:change', snapshot);
    expect(structuredClone(m)).toEqual(m);
  });
});

describe('parseHostMessage', () => {
  it('accepts a set command with every field', () => {
    expect(parseHostMessage({ type: 'service-circles:set', service: 'legal-aid', radius: 800, area: null })).toEqual({
      ok: true,
      message: { type: 'service-circles:set', service: 'legal-aid', radius: 800, area: null },
    });
    expect(parseHostMessage({ type: 'service-circles:set', services: ['a', 'b', 'a'], area: '玉塘街道' })).toEqual({
      ok: true,
      message: { type: 'service-circles:set', services: ['a', 'b'], area: '玉塘街道' },
    });
  });

  it('quietly ignores messages that are not ours (other widgets on the host page)', () => {
    for (const data of [null, 'hello', 42, [], { type: 'webpackOk' }, { foo: 1 }]) {
      expect(parseHostMessage(data)).toEqual({ ok: false, ignore: true });
    }
  });

  it('rejects our messages with bad fields, with a one-line reason', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'service-circles:destroy' }, /unknown message type/],
      [{ type: 'service-circles:set', radius: '500' }, /radius must be a number/],
      [{ type: 'service-circles:set', radius: 0 }, /radius/],
      [{ type: 'service-circles:set', radius: Number.NaN }, /radius/],
      [{ type: 'service-circles:set', radius: 1e9 }, /radius/],
      [{ type: 'service-circles:set', service: '' }, /service must be/],
      [{ type: 'service-circles:set', services: 'petition' }, /services must be/],
      [{ type: 'service-circles:set', service: 'a', services: ['b'] }, /not both/],
      [{ type: 'service-circles:set', area: 5 }, /area must be/],
      [{ type: 'service-circles:set', eval: 'alert(1)' }, /unknown field "eval"/],
    ];
    for (const [data, re] of cases) {
      const r = parseHostMessage(data);
      expect(r.ok).toBe(false);
      expect('error' in r && r.error).toMatch(re);
      if ('error' in r) expect(r.error).not.toContain('\n');
    }
  });

  it('never throws and accepts only well-typed commands for arbitrary input', () => {
    const arb = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.constantFrom('service-circles:set', 'service-circles:x', 'other'),
          service: fc.anything(),
          services: fc.anything(),
          radius: fc.oneof(fc.double(), fc.anything()),
          area: fc.anything(),
        },
        { requiredKeys: ['type'] },
      ),
    );
    fc.assert(
      fc.property(arb, (data) => {
        const r = parseHostMessage(data);
        if (r.ok) {
          const m = r.message;
          if (m.radius !== undefined) expect(Number.isFinite(m.radius) && m.radius >= 1 && m.radius <= 50_000).toBe(true);
          if (m.service !== undefined) expect(typeof m.service).toBe('string');
          if (m.services !== undefined) expect(m.services.every((s) => typeof s === 'string')).toBe(true);
          if (m.area !== undefined) expect(m.area === null || typeof m.area === 'string').toBe(true);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

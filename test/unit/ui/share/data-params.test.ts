import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayLinkData } from '../../../../src/ui/share/data-params';
import { readDataParams } from '../../../../src/ui/share/data-urls';

const PAGE = 'https://bureau.example/map/';

// Query strings made of keys near the role names (escaped, with '+', cased
// differently) and odd values, so readDataParams sometimes finds data.
const keyArb = fc.constantFrom('halls', 'population', 'areas', 'embed', 'tools', 'h%61lls', '%68alls', 'areas+', 'Halls', 'population%', 'area', '', '%');
const valueArb = fc.constantFrom('', 'h.csv', 'data:,x', 'javascript:x', '%E4%B8%AD', '1', '%zz');
const searchArb = fc
  .array(fc.tuple(keyArb, fc.option(valueArb, { nil: undefined })), { maxLength: 5 })
  .map((pairs) => `?${pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&')}`);

describe('mayLinkData', () => {
  it('is true whenever readDataParams finds a data set or an error, so linked data is never skipped', () => {
    fc.assert(
      fc.property(searchArb, (search) => {
        const r = readDataParams(search, PAGE);
        if (r.sources.length > 0 || r.errors.length > 0) expect(mayLinkData(search)).toBe(true);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('is false for links without data parameters (the sample loads without fetching the linked-data code)', () => {
    expect(mayLinkData('')).toBe(false);
    expect(mayLinkData('?embed=1&tools=1')).toBe(false);
    expect(mayLinkData('?embed=1&origins=https%3A%2F%2Fbureau.example')).toBe(false);
  });
});

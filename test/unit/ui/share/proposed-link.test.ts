import { describe, expect, it } from 'vitest';
import { linkCarriesAll, linkCarriesPartOf } from '../../../../src/ui/share/proposed-link';
import { encodeHash, LIMITS, type LinkedHall } from '../../../../src/ui/share/url-state';
import { decodeHash } from '../../../../src/ui/share/url-decode';

const halls = (n: number, lat = 22.7): LinkedHall[] =>
  Array.from({ length: n }, (_, i) => ({ lng: 113.9 + i * 1.23456789e-5, lat, services: ['legal-aid', 'petition'] }));
// What a reload reads: the link written for the list, decoded.
const linkOf = (list: LinkedHall[]) => decodeHash(encodeHash({ proposed: list })).state.proposed ?? [];

describe('linkCarriesPartOf', () => {
  it('recognises the link written for a list longer than a link can carry', () => {
    const list = halls(LIMITS.maxProposed + 100);
    const linked = linkOf(list);
    expect(linked).toHaveLength(LIMITS.maxProposed);
    expect(linkCarriesPartOf(linked, list)).toBe(true);
  });

  it("recognises the link written for a short list (rounded to the link's decimals)", () => {
    const list = halls(3);
    expect(linkCarriesPartOf(linkOf(list), list)).toBe(true);
  });

  it('does not take a different link for the list', () => {
    const list = halls(LIMITS.maxProposed + 100);
    expect(linkCarriesPartOf(linkOf(halls(LIMITS.maxProposed, 22.8)), list)).toBe(false);
    expect(linkCarriesPartOf(linkOf(list).slice(1), list)).toBe(false);
    expect(
      linkCarriesPartOf(
        linkOf(list).map((h) => ({ ...h, services: ['petition'] })),
        list,
      ),
    ).toBe(false);
    expect(linkCarriesPartOf(linkOf(halls(2)), [])).toBe(false);
  });
});

describe('linkCarriesAll', () => {
  it('is true up to the link limit only', () => {
    expect(linkCarriesAll(LIMITS.maxProposed)).toBe(true);
    expect(linkCarriesAll(LIMITS.maxProposed + 1)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { clampRadius, gapKey, RADIUS_DEFAULT, RADIUS_MAX, RADIUS_MIN, servicesFor } from '../../../src/ui/choices';

describe('clampRadius', () => {
  it('keeps radii inside 100–3000 m and rounds to whole metres', () => {
    expect(clampRadius(50)).toBe(RADIUS_MIN);
    expect(clampRadius(5_000)).toBe(RADIUS_MAX);
    expect(clampRadius(749.6)).toBe(750);
  });
  it('falls back to the default for non-numbers', () => {
    expect(clampRadius(Number.NaN)).toBe(RADIUS_DEFAULT);
    expect(clampRadius(Number.POSITIVE_INFINITY)).toBe(RADIUS_DEFAULT);
  });
});

describe('servicesFor', () => {
  const all = ['legal-aid', 'petition', 'psych-support'];
  it('maps "all" to every known service present, sorted', () => {
    expect(servicesFor('all', all)).toEqual(['legal-aid', 'petition', 'psych-support']);
    expect(servicesFor('all', ['petition', 'psych-support'])).toEqual(['petition', 'psych-support']);
  });
  it('maps a single service to itself, or nothing when the data lacks it', () => {
    expect(servicesFor('legal-aid', all)).toEqual(['legal-aid']);
    expect(servicesFor('legal-aid', ['petition'])).toEqual([]);
  });
});

describe('gapKey', () => {
  it('is the service itself for one service and "all" for several', () => {
    expect(gapKey(['petition'])).toBe('petition');
    expect(gapKey(['legal-aid', 'petition'])).toBe('all');
  });
});

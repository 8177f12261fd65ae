import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { choicesToShare, commandToPatch, snapshotOf, type AppChoices } from '../../../../src/ui/share/app-link';
import { encodeHash } from '../../../../src/ui/share/url-state';
import { decodeHash, shareToPatch } from '../../../../src/ui/share/url-decode';
import { RADIUS_MAX, RADIUS_MIN, SERVICE_CHOICES } from '../../../../src/ui/choices';
import type { Stats } from '../../../../src/core/types';

const AREAS = ['光明街道', '公明街道', '新湖街道', '凤凰街道', '玉塘街道', '马田街道'];
const LAYERS = ['areas', 'population', 'halls', 'circles', 'gaps', 'basemap'];

const choicesArb: fc.Arbitrary<AppChoices> = fc.record({
  view: fc.record({
    center: fc.tuple(fc.double({ min: 113.8, max: 114.0, noNaN: true }), fc.double({ min: 22.6, max: 22.9, noNaN: true })),
    zoom: fc.double({ min: 8, max: 18, noNaN: true }),
  }),
  choice: fc.constantFrom(...SERVICE_CHOICES),
  radiusM: fc.integer({ min: RADIUS_MIN, max: RADIUS_MAX }),
  area: fc.option(fc.constantFrom(...AREAS)),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  layers: fc.record(Object.fromEntries(LAYERS.map((l) => [l, fc.boolean()]))),
  proposed: fc.constant([]),
  distance: fc.constantFrom(undefined, 'straight' as const, 'network' as const),
  group: fc.constantFrom(undefined, 'age65', '65 岁&以上'),
});

describe('choicesToShare / shareToPatch', () => {
  it('a link reopens exactly the choices it was made from (view rounded as links round it)', () => {
    fc.assert(
      fc.property(choicesArb, (c) => {
        const { state, warnings: w1 } = decodeHash(encodeHash(choicesToShare(c)));
        const { patch, warnings } = shareToPatch(state, AREAS, LAYERS);
        expect([...w1, ...warnings]).toEqual([]);
        expect(patch.choice).toBe(c.choice);
        expect(patch.radiusM).toBe(c.radiusM);
        expect(patch.lang).toBe(c.lang);
        expect(patch.layers).toEqual(c.layers);
        expect(patch.area).toBe(c.area ?? undefined);
        // Carried only when the app has one to carry (roads loaded); absent, the link leaves the mode alone.
        expect(patch.distance).toBe(c.distance);
        // Carried while a group is shown; absent, the link leaves the choice alone.
        expect(patch.group).toBe(c.group);
        expect(Math.abs(patch.view!.center[0] - c.view.center[0])).toBeLessThanOrEqual(5e-6);
        expect(Math.abs(patch.view!.zoom - c.view.zoom)).toBeLessThanOrEqual(0.005);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('carries the active scenario with its halls; a link naming today carries no halls, and one without a scenario patches none', () => {
    const base: AppChoices = {
      view: { center: [113.9, 22.7], zoom: 11 },
      choice: 'all',
      radiusM: 500,
      area: null,
      lang: 'zh',
      layers: {},
      proposed: [{ lng: 113.9, lat: 22.7, services: ['petition'] }],
    };
    const named = shareToPatch(decodeHash(encodeHash(choicesToShare({ ...base, scenario: '方案 2' }))).state, AREAS, LAYERS).patch;
    expect(named.scenario).toBe('方案 2');
    expect(named.proposed).toEqual(base.proposed);
    const today = shareToPatch(decodeHash(encodeHash(choicesToShare({ ...base, scenario: null }))).state, AREAS, LAYERS).patch;
    expect(today.scenario).toBeNull();
    expect(today.proposed).toBeUndefined();
    expect(shareToPatch(decodeHash('#sc=&p=113.9,22.7').state, AREAS, LAYERS).patch.proposed).toBeUndefined();
    const old = shareToPatch(decodeHash(encodeHash(choicesToShare(base))).state, AREAS, LAYERS).patch;
    expect('scenario' in old).toBe(false);
    expect(old.proposed).toEqual(base.proposed);
  });

  it('writes "all services" out as the three services', () => {
    const c: AppChoices = {
      view: { center: [113.9, 22.7], zoom: 11 },
      choice: 'all',
      radiusM: 500,
      area: null,
      lang: 'zh',
      layers: { areas: true, halls: false },
      proposed: [],
    };
    expect(encodeHash(choicesToShare(c))).toBe('#c=113.9,22.7&z=11&s=petition,legal-aid,psych-support&r=500&l=zh&layers=areas');
  });

  it('clamps a radius outside the app range, with a warning', () => {
    expect(shareToPatch({ radius: 5000 }, AREAS, LAYERS)).toEqual({
      patch: { radiusM: RADIUS_MAX },
      warnings: [`link: r: radius 5000 m is outside the app's range, using ${RADIUS_MAX} m`],
    });
  });

  it('ignores unknown areas and service mixes the app cannot show, with warnings', () => {
    const { patch, warnings } = shareToPatch({ area: '深圳湾', services: ['petition', 'legal-aid'] }, AREAS, LAYERS);
    expect(patch).toEqual({});
    expect(warnings).toHaveLength(2);
  });

  it('needs both centre and zoom to move the view', () => {
    expect(shareToPatch({ zoom: 12 }, AREAS, LAYERS).warnings).toEqual(['link: c and z go together; the view was not changed']);
  });
});

describe('choicesToShare and own data', () => {
  const c: AppChoices = { view: { center: [113.9, 22.7], zoom: 11 }, choice: 'petition', radiusM: 500, area: null, lang: 'zh', layers: {}, proposed: [] };
  it('marks a link made on own data with its number, and a link on the sample not at all', () => {
    expect(choicesToShare({ ...c, data: '0a1b2c3d' }).data).toBe('0a1b2c3d');
    expect(choicesToShare({ ...c, data: '' })).not.toHaveProperty('data');
    expect(choicesToShare(c)).not.toHaveProperty('data');
  });
});

describe('commandToPatch', () => {
  it('maps service, radius and area; null clears the area', () => {
    expect(commandToPatch({ type: 'service-circles:set', service: 'legal-aid', radius: 800, area: null }, AREAS)).toEqual({
      patch: { choice: 'legal-aid', radiusM: 800, area: null },
      warnings: [],
    });
    expect(commandToPatch({ type: 'service-circles:set', services: ['psych-support', 'petition', 'legal-aid'], area: '玉塘街道' }, AREAS).patch).toEqual({
      choice: 'all',
      area: '玉塘街道',
    });
  });

  it('rejects unknown services and areas with warnings, keeping the rest of the command', () => {
    const { patch, warnings } = commandToPatch({ type: 'service-circles:set', service: 'cooking', radius: 700, area: 'Atlantis' }, AREAS);
    expect(patch).toEqual({ radiusM: 700 });
    expect(warnings).toHaveLength(2);
  });
});

describe('snapshotOf', () => {
  const stats = {
    radius_m: 500,
    services: ['petition'],
    total: { population: 1000, covered: { petition: 600, all: 600 } },
    areas: [{ name: '光明街道', population: 300, covered: { petition: 100, all: 100 } }],
  } as unknown as Stats;

  it('reports the whole data set when no area is selected', () => {
    expect(snapshotOf(stats, null)).toEqual({
      services: ['petition'],
      radius: 500,
      area: null,
      numbers: { population: 1000, covered: { petition: 600, all: 600 } },
    });
  });

  it("reports the selected area's numbers", () => {
    expect(snapshotOf(stats, '光明街道').numbers).toEqual({ population: 300, covered: { petition: 100, all: 100 } });
  });

  it('falls back to the whole data set for an area the stats do not list', () => {
    expect(snapshotOf(stats, 'nowhere')).toMatchObject({ area: null, numbers: { population: 1000 } });
  });
});

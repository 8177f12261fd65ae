// The embedded Guangming sample (public/geo) obeys its documented rules and is
// exactly what scripts/make-sample.ts regenerates.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { makeSample, SAMPLE_KEYS, serialize } from '../../scripts/make-sample';
import { AGE65_SHARE } from '../../scripts/sample/age65';
import { FILES, SOURCE_DIR } from '../../scripts/sample/read-data';
import { toWgs84 } from '../../src/core/crs/crs';
import { haversineM } from '../../src/core/geo/haversine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const geoDir = path.join(root, 'public', 'geo');
const dataDir = SOURCE_DIR;
const readText = (file: string) => readFileSync(path.join(geoDir, file), 'utf8');
const readFc = (file: string) => JSON.parse(readText(file)) as FeatureCollection;

const areas = readFc('areas.geojson').features as Feature<Polygon | MultiPolygon, Record<string, string>>[];
const halls = readFc('halls.geojson').features as Feature<Point, Record<string, unknown>>[];
const population = readFc('population.geojson').features as Feature<Point, { population: number; age65: number }>[];
const communityAreas = readFc('communities.geojson').features as Feature<Polygon | MultiPolygon, Record<string, string>>[];
const readSource = (file: string) => (JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as FeatureCollection).features[0] as Feature<MultiPolygon>;
const district = readSource(FILES.district);
const districtGcj02 = readSource(FILES.districtGcj02);
const admin = readFileSync(path.join(dataDir, FILES.admin), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));
const communities = admin.filter((r) => r[0] === 'community').map((r) => ({ name: r[2], parent: r[4] }));
const CENSUS_2020 = 1_095_289; // people, 光明区, shenzhen-census-2020.csv
const SERVICES = ['petition', 'legal-aid', 'psych-support'];

const containing = (p: Position) => areas.filter((a) => booleanPointInPolygon(p, a)).map((a) => a.properties.name);

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function allPositions(g: Polygon | MultiPolygon | Point): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates.flat();
  return g.coordinates.flat(2);
}

describe('public/geo sample files', () => {
  it('are GeoJSON FeatureCollections with 6-decimal coordinates', () => {
    for (const file of SAMPLE_KEYS.map((k) => `${k}.geojson`)) {
      const fc = readFc(file);
      expect(fc.type, file).toBe('FeatureCollection');
      expect(fc.features.length, file).toBeGreaterThan(0);
      for (const f of fc.features) {
        expect(f.type).toBe('Feature');
        for (const [x, y] of allPositions(f.geometry as Polygon)) {
          expect(Math.round(x * 1e6) / 1e6).toBe(x);
          expect(Math.round(y * 1e6) / 1e6).toBe(y);
        }
      }
    }
  });
});

describe('areas.geojson', () => {
  it('holds the six subdistricts with their names, English names and codes', () => {
    const subs = admin.filter((r) => r[0] === 'subdistrict');
    expect(areas.map((a) => a.properties.name)).toEqual(subs.map((r) => r[2]));
    expect(areas.map((a) => a.properties.code)).toEqual(subs.map((r) => r[1]));
    expect(areas.map((a) => a.properties.code)).toEqual(['440311001', '440311002', '440311003', '440311004', '440311005', '440311006']);
    expect(areas[0].properties.name_en).toBe('Guangming Subdistrict');
    for (const a of areas) expect(a.properties.name_en).toMatch(/^[A-Z][a-z]+ Subdistrict$/);
  });

  it('has counter-clockwise outer rings and clockwise holes (RFC 7946)', () => {
    for (const a of areas) {
      const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
      for (const [outer, ...holes] of polys) {
        expect(signedArea(outer)).toBeGreaterThan(0);
        for (const h of holes) expect(signedArea(h)).toBeLessThan(0);
      }
    }
  });

  it('tiles the district: areas sum to the outline within 0.1 % and no two overlap by 0.01 %', () => {
    const districtM2 = area(district);
    const sum = areas.reduce((s, a) => s + area(a), 0);
    expect(Math.abs(sum - districtM2) / districtM2).toBeLessThan(0.001);
    for (let i = 0; i < areas.length; i++) {
      for (let j = i + 1; j < areas.length; j++) {
        const overlap = intersect(featureCollection([areas[i], areas[j]]));
        expect(overlap ? area(overlap) : 0, `${i}×${j}`).toBeLessThan(districtM2 * 1e-4);
      }
    }
  });
});

describe('halls.geojson', () => {
  const kinds = (k: string) => halls.filter((h) => h.properties.kind === k);

  it('follows 1+6+31+N with 236 sites', () => {
    expect(halls).toHaveLength(236);
    expect([kinds('district-hall'), kinds('subdistrict-hall'), kinds('community-hall'), kinds('station')].map((k) => k.length)).toEqual([1, 6, 31, 198]);
    expect(kinds('district-hall')[0].properties.name).toBe('光明区群众诉求服务大厅');
    expect(kinds('subdistrict-hall').map((h) => h.properties.subdistrict)).toEqual(areas.map((a) => a.properties.name));
  });

  it("puts the district hall at the district-government seat: DataV's GCJ-02 centre converted to WGS84 once", () => {
    const [lng, lat] = districtGcj02.properties?.center as [number, number];
    const seat = toWgs84(lng, lat, 'gcj02');
    const [x, y] = kinds('district-hall')[0].geometry.coordinates;
    // Within the 6-decimal rounding (≈ 0.1 m); converting twice would put it ≈ 600 m off.
    expect(haversineM(x, y, seat[0], seat[1])).toBeLessThan(0.5);
    expect(haversineM(x, y, ...toWgs84(seat[0], seat[1], 'gcj02'))).toBeGreaterThan(500);
  });

  it('has exactly one community hall per community, in its subdistrict', () => {
    for (const c of communities) {
      const own = kinds('community-hall').filter((h) => h.properties.community === c.name);
      expect(own, c.name).toHaveLength(1);
      expect(own[0].properties.subdistrict).toBe(c.parent);
    }
  });

  it('gives stations a known community of the subdistrict they name', () => {
    for (const s of kinds('station')) {
      const c = communities.find((x) => x.name === s.properties.community);
      expect(c?.parent, String(s.properties.name)).toBe(s.properties.subdistrict);
    }
  });

  it('places every site inside exactly one subdistrict, the one it names', () => {
    for (const h of halls) expect(containing(h.geometry.coordinates), String(h.properties.name)).toEqual([h.properties.subdistrict]);
  });

  it('has unique names and modelled addresses marked as such', () => {
    expect(new Set(halls.map((h) => h.properties.name)).size).toBe(halls.length);
    for (const h of halls) expect(h.properties.address).toMatch(/^光明区.+（模拟地址）$/);
  });

  it('lists only known services: all three at halls, petition at every station, gaps in the others', () => {
    for (const h of halls) {
      const s = h.properties.services as string[];
      expect(new Set(s).size).toBe(s.length);
      for (const x of s) expect(SERVICES).toContain(x);
      if (h.properties.kind !== 'station') expect([...s].sort()).toEqual([...SERVICES].sort());
      else expect(s).toContain('petition');
    }
    for (const service of ['legal-aid', 'psych-support']) {
      const lacking = kinds('station').filter((h) => !(h.properties.services as string[]).includes(service));
      expect(lacking.length, service).toBeGreaterThan(20);
    }
  });
});

describe('population.geojson', () => {
  it('adds up exactly to the 2020 census total with positive integer cells', () => {
    let sum = 0;
    for (const p of population) {
      expect(Number.isInteger(p.properties.population) && p.properties.population > 0).toBe(true);
      sum += p.properties.population;
    }
    expect(sum).toBe(CENSUS_2020);
  });

  it('puts every point inside the district and inside exactly one subdistrict', () => {
    for (const p of population) {
      expect(booleanPointInPolygon(p.geometry.coordinates, district)).toBe(true);
      expect(containing(p.geometry.coordinates)).toHaveLength(1);
    }
  });

  it('matches the subdistrict totals and hall counts printed in public/geo/README.md', () => {
    const readme = readText('README.md');
    const rows = new Map(
      [...readme.matchAll(/^\| (\S+街道) \| (\d{9}) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/gm)].map((m) => [m[1], m.slice(2).map(Number)]),
    );
    expect([...rows.keys()]).toEqual(areas.map((a) => a.properties.name));
    const people = new Map(areas.map((a) => [a.properties.name, 0]));
    for (const p of population) {
      const [name] = containing(p.geometry.coordinates);
      people.set(name, (people.get(name) ?? 0) + p.properties.population);
    }
    for (const a of areas) {
      const name = a.properties.name;
      const own = halls.filter((h) => h.properties.subdistrict === name);
      const byKind = ['district-hall', 'subdistrict-hall', 'community-hall', 'station'].map((k) => own.filter((h) => h.properties.kind === k).length);
      expect(rows.get(name), name).toEqual([Number(a.properties.code), people.get(name), ...byKind, own.length]);
    }
  });

  it('is plausible per subdistrict: 光明 within the official 10.6万–14.2万, 玉塘 near 21.16万', () => {
    const people = new Map(areas.map((a) => [a.properties.name, 0]));
    for (const p of population) {
      const [name] = containing(p.geometry.coordinates);
      people.set(name, (people.get(name) ?? 0) + p.properties.population);
    }
    expect(people.get('光明街道')).toBeGreaterThanOrEqual(106_000);
    expect(people.get('光明街道')).toBeLessThanOrEqual(142_000);
    expect(Math.abs((people.get('玉塘街道') ?? 0) - 211_600)).toBeLessThan(10_000);
  });
});

describe('communities.geojson (second level, by design of issue 16)', () => {
  const inCommunities = (p: Position) => communityAreas.filter((c) => booleanPointInPolygon(p, c));

  it('holds the 31 communities with the names, codes and subdistricts of the admin codes', () => {
    expect(communityAreas).toHaveLength(31);
    const rows = admin.filter((r) => r[0] === 'community');
    expect(communityAreas.map((c) => [c.properties.name, c.properties.code, c.properties.subdistrict])).toEqual(rows.map((r) => [r[2], r[1], r[4]]));
    for (const c of communityAreas) expect(c.properties.code).toMatch(/^440311001\d{3}$|^44031100[2-6]\d{3}$/);
  });

  it('tiles each subdistrict: areas sum to it within 0.1 % and no community reaches outside it', () => {
    for (const sub of areas) {
      const own = communityAreas.filter((c) => c.properties.subdistrict === sub.properties.name);
      const sum = own.reduce((s, c) => s + area(c), 0);
      expect(Math.abs(sum - area(sub)) / area(sub), sub.properties.name).toBeLessThan(0.001);
      for (const c of own) {
        const inside = intersect(featureCollection([c, sub]));
        expect(inside && area(inside) / area(c), c.properties.name).toBeGreaterThan(0.9999);
      }
    }
  });

  it('puts every person in communities of their own subdistrict, so community sums equal the subdistrict sums', () => {
    const bySub = new Map<string, number>();
    const byCommunitySub = new Map<string, number>();
    for (const p of population) {
      const [sub] = containing(p.geometry.coordinates);
      const hits = inCommunities(p.geometry.coordinates);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.properties.subdistrict).toBe(sub);
      bySub.set(sub, (bySub.get(sub) ?? 0) + p.properties.population);
      byCommunitySub.set(hits[0].properties.subdistrict, (byCommunitySub.get(hits[0].properties.subdistrict) ?? 0) + p.properties.population);
    }
    expect(byCommunitySub).toEqual(bySub);
  });

  it('matches the community table printed in public/geo/README.md', () => {
    const rows = [
      ...readText('README.md').matchAll(/^\| (\S+社区) \| ([A-Za-zü]+ Community) \| (\d{12}) \| (\S+街道) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/gm),
    ].map(([all, name, nameEn, ...rest]) => {
      expect(nameEn, name).toBe(communityAreas.find((c) => c.properties.name === name)?.properties.name_en);
      return [all, name, ...rest];
    });
    expect(rows.map((m) => m[1])).toEqual(communityAreas.map((c) => c.properties.name));
    const people = new Map(communityAreas.map((c) => [c.properties.name, [0, 0]]));
    for (const p of population) {
      const [c] = inCommunities(p.geometry.coordinates);
      const v = people.get(c.properties.name)!;
      v[0] += p.properties.population;
      v[1] += p.properties.age65;
    }
    for (const m of rows) {
      const own = halls.filter((h) => h.properties.community === m[1]);
      const hall = own.filter((h) => h.properties.kind === 'community-hall').length;
      expect([m[2], m[3], Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7])], m[1]).toEqual([
        communityAreas.find((c) => c.properties.name === m[1])!.properties.code,
        communityAreas.find((c) => c.properties.name === m[1])!.properties.subdistrict,
        ...people.get(m[1])!,
        hall,
        own.length - hall,
      ]);
    }
  });
});

describe('population.geojson age65 (modelled, assumed share; issue 16)', () => {
  it("is an integer count ≤ each cell's people, adding up to the assumed share of the census total", () => {
    let sum = 0;
    for (const p of population) {
      const v = p.properties.age65;
      expect(Number.isInteger(v) && v >= 0 && v <= p.properties.population).toBe(true);
      sum += v;
    }
    expect(sum).toBe(Math.round(AGE65_SHARE * CENSUS_2020));
    expect(readText('README.md')).toContain(`assumption: ${(AGE65_SHARE * 100).toFixed(1)} %`);
  });
});

describe('scripts/make-sample.ts', () => {
  it('regenerates the committed files byte for byte, twice over', () => {
    expect(existsSync(dataDir), `source data missing: ${dataDir}`).toBe(true);
    const first = makeSample(dataDir);
    const second = makeSample(dataDir);
    for (const key of SAMPLE_KEYS) {
      const text = serialize(first[key]);
      expect(serialize(second[key]) === text, key).toBe(true);
      expect(readText(`${key}.geojson`) === text, `${key}.geojson is stale: run npm run make-sample`).toBe(true);
    }
  });
});

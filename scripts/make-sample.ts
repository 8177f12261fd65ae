// Regenerates the embedded Guangming sample in public/geo/ from the raw
// inputs in scripts/sample/source. Deterministic: seeded PRNG, fixed iteration
// order, coordinates rounded to 6 decimals. Run: npm run make-sample
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { makeAge65 } from './sample/age65';
import { makeAreas, type AreaFeature } from './sample/areas';
import { makeCommunities, type CommunityFeature } from './sample/community-areas';
import { communitySites } from './sample/communities';
import { makeHalls, type HallFeature, type HallKind } from './sample/halls';
import { makeLocator, uniqueArea } from './sample/locate';
import { SUBDISTRICTS } from './sample/places';
import { makePopulation } from './sample/population';
import { readSourceData, SOURCE_DIR } from './sample/read-data';

const SEED = 20_201_101; // census reference day, 2020-11-01

export interface Sample {
  areas: FeatureCollection<AreaFeature['geometry'], AreaFeature['properties']>;
  /** Second level: the 31 communities, tiling their subdistricts. */
  communities: FeatureCollection<CommunityFeature['geometry'], CommunityFeature['properties']>;
  population: FeatureCollection<Point, { population: number; age65: number }>;
  halls: FeatureCollection<Point, HallFeature['properties']>;
}

/** Build the whole sample from the source files in `dataDir`; pure apart from reading them. */
export function makeSample(dataDir = SOURCE_DIR): Sample {
  const src = readSourceData(dataDir);
  const codes = new Map(src.admin.filter((r) => r.level === 'subdistrict').map((r) => [r.name, r.code]));
  const communities = communitySites(src.admin, SUBDISTRICTS);
  const areas = makeAreas(src.district, SUBDISTRICTS, communities, codes);
  const locator = makeLocator(areas);
  for (const c of communities) {
    if (uniqueArea(locator, c.lngLat) !== c.area) throw new Error(`make-sample: community centre ${c.name} is not inside its subdistrict`);
  }
  const cells = makePopulation(src.district, locator, SUBDISTRICTS, communities, src.censusTotal, SEED);
  const halls = makeHalls(locator, SUBDISTRICTS, communities, src.seat, cells, SEED + 1);
  const communityAreas = makeCommunities(areas, communities, src.admin);
  // Every populated cell lies in communities of its own subdistrict only, so community sums add up to the subdistrict's.
  const inCommunity = makeLocator(communityAreas);
  for (const c of cells) {
    const hits = inCommunity.containing(c.lngLat);
    if (hits.length === 0 || hits.some((k) => communities[k].area !== c.area)) {
      throw new Error(`make-sample: population cell at ${c.lngLat.join(',')} is not in a community of its subdistrict`);
    }
  }
  const age65 = makeAge65(
    cells.map((c) => c.population),
    SEED + 2,
  );
  const population = cells.map((c, i): Feature<Point, { population: number; age65: number }> => ({
    type: 'Feature',
    properties: { population: c.population, age65: age65[i] },
    geometry: { type: 'Point', coordinates: c.lngLat },
  }));
  return {
    areas: { type: 'FeatureCollection', features: areas },
    communities: { type: 'FeatureCollection', features: communityAreas },
    population: { type: 'FeatureCollection', features: population },
    halls: { type: 'FeatureCollection', features: halls },
  };
}

/** The sample's files, public/geo/<key>.geojson. */
export const SAMPLE_KEYS = ['areas', 'communities', 'population', 'halls'] as const;

/** The exact bytes written for a collection: compact JSON plus a final newline. */
export function serialize(fc: FeatureCollection): string {
  return JSON.stringify(fc) + '\n';
}

/** Markdown table of people and hall counts per subdistrict, as pasted into public/geo/README.md. */
export function summaryTable(sample: Sample, people: readonly number[]): string {
  const kinds: HallKind[] = ['district-hall', 'subdistrict-hall', 'community-hall', 'station'];
  const rows = sample.areas.features.map((a, i) => {
    const hs = sample.halls.features.filter((h) => h.properties.subdistrict === a.properties.name);
    const count = kinds.map((k) => hs.filter((h) => h.properties.kind === k).length);
    return `| ${a.properties.name} | ${a.properties.code} | ${people[i]} | ${count.join(' | ')} | ${hs.length} |`;
  });
  const total = people.reduce((s, v) => s + v, 0);
  const all = kinds.map((k) => sample.halls.features.filter((h) => h.properties.kind === k).length);
  return [
    '| subdistrict | code | population (modelled) | district hall | subdistrict halls | community halls | stations | all sites |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    `| **光明区 total** | 440311 | ${total} | ${all.join(' | ')} | ${sample.halls.features.length} |`,
  ].join('\n');
}

/** Markdown table of people, people aged 65+ and sites per community, as pasted into public/geo/README.md. */
export function communityTable(sample: Sample): string {
  const locator = makeLocator(sample.communities.features);
  const people = sample.communities.features.map(() => [0, 0]);
  for (const f of sample.population.features) {
    // A cell on an inner edge counts in the first community holding it, as the engine assigns it.
    const [k] = locator.containing(f.geometry.coordinates as [number, number]);
    people[k][0] += f.properties.population;
    people[k][1] += f.properties.age65;
  }
  const rows = sample.communities.features.map((c, k) => {
    const own = sample.halls.features.filter((h) => h.properties.community === c.properties.name);
    const halls = own.filter((h) => h.properties.kind === 'community-hall').length;
    return `| ${c.properties.name} | ${c.properties.name_en} | ${c.properties.code} | ${c.properties.subdistrict} | ${people[k][0]} | ${people[k][1]} | ${halls} | ${own.length - halls} |`;
  });
  return [
    '| community | name_en | code | subdistrict | population (modelled) | aged 65+ (modelled) | community hall | stations attached |',
    '|---|---|---|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function main(): void {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const t0 = performance.now();
  let sample: Sample;
  try {
    sample = makeSample();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const outDir = path.join(repoRoot, 'public', 'geo');
  mkdirSync(outDir, { recursive: true });
  for (const key of SAMPLE_KEYS) {
    writeFileSync(path.join(outDir, `${key}.geojson`), serialize(sample[key]));
  }
  // Per-subdistrict people via the same point-in-area rule the tests use.
  const locator = makeLocator(sample.areas.features);
  const people = sample.areas.features.map(() => 0);
  for (const f of sample.population.features) {
    const hit = locator.containing(f.geometry.coordinates as [number, number]);
    people[hit[0]] += f.properties.population;
  }
  console.log(summaryTable(sample, people));
  console.log('');
  console.log(communityTable(sample));
  console.log(`population points: ${sample.population.features.length}; halls: ${sample.halls.features.length}`);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

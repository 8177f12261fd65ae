import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHalls } from '../../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../../src/core/input/parse-population';
import { parseAreas } from '../../../../src/core/input/parse-areas';
import { NetworkCoverageEngine } from '../../../../src/core/network/network-engine';
import { adler32, looksLikeOsmPbf, readOsmPbf, walkableWay } from '../../../../src/core/network/read-osm-pbf';
import { readRoadLines, readRoadNetwork } from '../../../../src/core/network/read-road-file';
import { toWgs84 } from '../../../../src/core/crs/crs';
import { inputErrorMessage as message } from '../../helpers/input-error-message';
import { writeOsmPbf, type OsmPbfOptions } from '../../helpers/osm-pbf-writer';
import { RIVER_DIR, riverPbf } from '../../helpers/river-pbf';

const tags = (o: Record<string, string>) => new Map(Object.entries(o));
const riverPbfWith = (dataBlock: NonNullable<OsmPbfOptions['dataBlock']>) => riverPbf({ dataBlock });
const read = (f: string) => readFileSync(join(RIVER_DIR, f), 'utf8');

describe('walkableWay', () => {
  it.each([
    [{ highway: 'footway' }, true],
    [{ highway: 'residential' }, true],
    [{ highway: 'pedestrian', area: 'yes' }, true],
    [{ highway: 'primary', foot: 'designated' }, true],
    [{ name: 'no highway tag' }, false],
    [{ highway: 'motorway' }, false],
    [{ highway: 'motorway_link' }, false],
    [{ highway: 'trunk' }, false],
    [{ highway: 'trunk_link' }, false],
    [{ highway: 'trunk', foot: 'yes' }, true],
    [{ highway: 'motorway', foot: 'permissive' }, true],
    [{ highway: 'motorway', foot: 'no' }, false],
    [{ highway: 'footway', foot: 'no' }, false],
    [{ highway: 'service', access: 'private' }, false],
    [{ highway: 'service', access: 'no', foot: 'yes' }, true],
    [{ highway: 'service', foot: 'private' }, false],
    [{ highway: 'construction' }, false],
    [{ highway: 'proposed' }, false],
  ])('%o → %s', (t, want) => {
    expect(walkableWay(tags(t))).toBe(want);
  });
});

describe('readOsmPbf', () => {
  it('the river as a hand-written PBF gives the GeoJSON network numbers: the motorway across is not walked', () => {
    const halls = parseHalls(read('halls.geojson'), { file: 'halls.geojson' });
    const pop = parsePopulation(read('population.geojson'), { file: 'population.geojson' });
    const areas = parseAreas(read('areas.geojson'), { file: 'areas.geojson' });
    const opts = { radiusM: 500, services: ['petition'] };
    const fromPbf = new NetworkCoverageEngine(halls, pop, areas, readRoadNetwork(riverPbf(), { file: 'river.osm.pbf' })).stats(opts);
    const fromGeojson = new NetworkCoverageEngine(
      halls,
      pop,
      areas,
      readRoadNetwork(new TextEncoder().encode(read('roads.geojson')), { file: 'roads.geojson' }),
    ).stats(opts);
    expect(fromPbf.total.covered.petition).toBe(50);
    expect(fromPbf.total.covered).toEqual(fromGeojson.total.covered);
    for (const k of ['p50', 'p90', 'max'] as const) expect(fromPbf.total.nearestHallM.petition[k]).toBeCloseTo(fromGeojson.total.nearestHallM.petition[k], 6);
  });

  it('reads dense and plain nodes, raw and zlib blocks, and ways before their nodes alike', () => {
    const want = readOsmPbf(riverPbf(), { file: 'a' });
    expect(want.lineCount).toBe(4);
    expect([...want.lineStart]).toEqual([0, 3, 6, 8, 10]);
    expect(want.lng[0]).toBeCloseTo(113.93, 12);
    expect(want.lat[0]).toBeCloseTo(22.749, 12);
    for (const opts of [{ dense: false }, { zlib: false }, { waysFirst: true }]) expect(readOsmPbf(riverPbf(opts), { file: 'a' })).toEqual(want);
  });

  it('keeps each run of two or more present nodes of a way cut by the extract', () => {
    const nodes = [1, 2, 4, 5, 6].map((id) => ({ id, lng: 113.9 + id / 1000, lat: 22.7 }));
    const r = readOsmPbf(writeOsmPbf(nodes, [{ id: 1, refs: [1, 2, 3, 4, 5, 6, 7, 1], tags: { highway: 'footway' } }]), { file: 'a' });
    expect([...r.lineStart]).toEqual([0, 2, 5]);
    expect([...r.lineFeature]).toEqual([0, 0]);
  });

  it('converts positions with the chosen CRS like the GeoJSON reader', () => {
    const r = readOsmPbf(riverPbf(), { file: 'a', crs: 'gcj02' });
    const [x, y] = toWgs84(113.93, 22.749, 'gcj02');
    expect(r.lng[0]).toBeCloseTo(x, 12);
    expect(r.lat[0]).toBeCloseTo(y, 12);
  });

  it('is chosen by its first bytes or a .pbf name; GeoJSON otherwise', () => {
    expect(looksLikeOsmPbf(riverPbf())).toBe(true);
    expect(looksLikeOsmPbf(new TextEncoder().encode(read('roads.geojson')))).toBe(false);
    expect(readRoadLines(riverPbf(), { file: 'roads.bin' }).lineCount).toBe(4);
    expect(readRoadLines(new TextEncoder().encode(read('roads.geojson')), { file: 'roads.geojson' }).lineCount).toBe(4);
  });

  it.each([
    [
      'a .pbf that is not one',
      () => new TextEncoder().encode('{"type":"FeatureCollection"}'),
      'x.osm.pbf: not an OSM PBF file (it does not start with an OSMHeader block)',
    ],
    [
      'a truncated file',
      () => {
        const b = riverPbf();
        return b.subarray(0, b.length - 10);
      },
      'x.osm.pbf: not a readable OSM PBF file (truncated blob)',
    ],
    [
      // tiny-inflate never returns on these two (foliojs/tiny-inflate#8); the reader must end with a message.
      'a data block whose compressed bytes are cut to half',
      () => riverPbfWith({ zlib: (d) => deflateSync(d).subarray(0, deflateSync(d).length >> 1) }),
      'x.osm.pbf: not a readable OSM PBF file (a compressed block is damaged)',
    ],
    [
      'a data block with its sixth byte inverted',
      () =>
        riverPbfWith({
          zlib: (d) => {
            const z = Uint8Array.from(deflateSync(d));
            z[5] ^= 0xff;
            return z;
          },
        }),
      /^x\.osm\.pbf: not a readable OSM PBF file \(a compressed block (is damaged|gives \d+ bytes where it declares \d+|fails its checksum \(the file is damaged\))\)$/,
    ],
    [
      'a stored (uncompressed) zlib block with one byte changed, which inflates without error',
      () =>
        riverPbfWith({
          zlib: (d) => {
            const z = Uint8Array.from(deflateSync(d, { level: 0 }));
            z[20] ^= 0x01; // inside the stored bytes: zlib header 2 + block header 5
            return z;
          },
        }),
      'x.osm.pbf: not a readable OSM PBF file (a compressed block fails its checksum (the file is damaged))',
    ],
    [
      'a data block declaring a size other than what it inflates to',
      () => riverPbfWith({ rawSize: 7 }),
      /^x\.osm\.pbf: not a readable OSM PBF file \(a compressed block (gives \d+ bytes where it declares 7|fails its checksum \(the file is damaged\))\)$/,
    ],
    [
      'no walkable way',
      () =>
        writeOsmPbf(
          [
            { id: 1, lng: 113.9, lat: 22.7 },
            { id: 2, lng: 113.91, lat: 22.7 },
          ],
          [{ id: 1, refs: [1, 2], tags: { highway: 'motorway' } }],
        ),
      'x.osm.pbf: no walkable ways (highway=… with at least two nodes in the file; see docs/data-format.md, "Roads from OSM")',
    ],
    [
      'an unknown required feature',
      () => writeOsmPbf([], [], { requiredFeatures: ['OsmSchema-V0.6', 'Sort.Type_then_ID', 'LocationsOnWays'] }),
      'x.osm.pbf: OSM PBF needs features this reader lacks: Sort.Type_then_ID, LocationsOnWays',
    ],
  ])('refuses %s with one line naming the file', (_, bytes, want) => {
    const got = message(() => readRoadLines(bytes(), { file: 'x.osm.pbf' }));
    if (typeof want === 'string') expect(got).toBe(want);
    else expect(got).toMatch(want);
  });
});

describe('adler32', () => {
  it('is zlib’s checksum: the last four bytes of a zlib stream, over inputs longer than one reduction run', () => {
    for (const n of [0, 1, 5551, 5552, 5553, 100_000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
      const z = deflateSync(data);
      expect(adler32(data), `n=${n}`).toBe(new DataView(z.buffer, z.byteOffset + z.length - 4).getUint32(0, false));
    }
    const ones = new Uint8Array(100_000).fill(255);
    const z = deflateSync(ones);
    expect(adler32(ones)).toBe(new DataView(z.buffer, z.byteOffset + z.length - 4).getUint32(0, false));
  });
});

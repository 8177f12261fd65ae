// Writes small OSM PBF files by hand for the tests (nothing from OSM): one
// OSMHeader block, then one OSMData block with the nodes (dense or plain)
// and the ways, each block raw or zlib-compressed.
import { deflateSync } from 'node:zlib';
import { PbfWriter } from 'pbf';

export interface OsmNode {
  id: number;
  lng: number;
  lat: number;
}
export interface OsmWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
}

export interface OsmPbfOptions {
  dense?: boolean; // DenseNodes (default) or plain Node messages
  zlib?: boolean; // compress the blocks (default) or store them raw
  requiredFeatures?: string[];
  waysFirst?: boolean; // the ways' group before the nodes' group
  /** A damaged file: the data block's zlib bytes as given, and the size it declares (default: deflateSync, the true size). */
  dataBlock?: { zlib?: (data: Uint8Array) => Uint8Array; rawSize?: number };
}

function blob(type: string, data: Uint8Array, zlib: boolean, damage: OsmPbfOptions['dataBlock'] = {}): Uint8Array[] {
  const b = new PbfWriter();
  if (zlib) {
    b.writeVarintField(2, damage.rawSize ?? data.length);
    b.writeBytesField(3, (damage.zlib ?? deflateSync)(data));
  } else {
    b.writeBytesField(1, data);
    b.writeVarintField(2, data.length);
  }
  const body = b.finish();
  const h = new PbfWriter();
  h.writeStringField(1, type);
  h.writeVarintField(3, body.length);
  const header = h.finish();
  const len = new Uint8Array(4);
  new DataView(len.buffer).setInt32(0, header.length, false);
  return [len, header, body];
}

const delta = (xs: number[]) => xs.map((x, k) => x - (k > 0 ? xs[k - 1] : 0));

export function writeOsmPbf(nodes: OsmNode[], ways: OsmWay[], opts: OsmPbfOptions = {}): Uint8Array {
  const { dense = true, zlib = true, requiredFeatures = ['OsmSchema-V0.6', 'DenseNodes'], waysFirst = false } = opts;
  const head = new PbfWriter();
  for (const f of requiredFeatures) head.writeStringField(4, f);
  const strings = [''];
  const str = (s: string) => {
    let k = strings.indexOf(s);
    if (k < 0) k = strings.push(s) - 1;
    return k;
  };
  const wayTags = ways.map((w) => Object.entries(w.tags).map(([k, v]) => [str(k), str(v)]));
  const e7 = (d: number) => Math.round(d * 1e7);
  const nodeGroup = (g: PbfWriter) => {
    if (dense) {
      g.writeMessage(
        2,
        (_: null, d) => {
          d.writePackedSVarint(1, delta(nodes.map((n) => n.id)));
          d.writePackedSVarint(8, delta(nodes.map((n) => e7(n.lat))));
          d.writePackedSVarint(9, delta(nodes.map((n) => e7(n.lng))));
        },
        null,
      );
    } else {
      for (const n of nodes) {
        g.writeMessage(
          1,
          (_: null, m) => {
            m.writeSVarintField(1, n.id);
            m.writeSVarintField(8, e7(n.lat));
            m.writeSVarintField(9, e7(n.lng));
          },
          null,
        );
      }
    }
  };
  const wayGroup = (g: PbfWriter) => {
    ways.forEach((w, i) => {
      g.writeMessage(
        3,
        (_: null, m) => {
          m.writeVarintField(1, w.id);
          m.writePackedVarint(
            2,
            wayTags[i].map((kv) => kv[0]),
          );
          m.writePackedVarint(
            3,
            wayTags[i].map((kv) => kv[1]),
          );
          m.writePackedSVarint(8, delta(w.refs));
        },
        null,
      );
    });
  };
  const data = new PbfWriter();
  data.writeMessage(1, (_: null, s) => strings.forEach((x) => s.writeBytesField(1, new TextEncoder().encode(x))), null);
  const groups = waysFirst ? [wayGroup, nodeGroup] : [nodeGroup, wayGroup];
  for (const fill of groups) data.writeMessage(2, (_: null, g) => fill(g), null);
  const parts = [...blob('OSMHeader', head.finish(), zlib), ...blob('OSMData', data.finish(), zlib, opts.dataBlock)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

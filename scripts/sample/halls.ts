// Modelled "1+6+31+N" network: 1 district hall, 6 subdistrict halls, one hall
// per community (31) and N = 198 stations placed where people live. Locations,
// addresses and service lists are all modelled, not surveyed.
import type { Feature, Point } from 'geojson';
import { largestRemainder } from './largest-remainder';
import { uniqueArea, type Locator } from './locate';
import type { PopulationCell } from './population';
import { mulberry32 } from './prng';
import { round6, toLngLat, toMetres } from './projection';
import type { Subdistrict } from './places';

export const STATION_COUNT = 198;
export const SERVICES = ['petition', 'legal-aid', 'psych-support'] as const;
const LEGAL_AID_SHARE = 0.6; // share of stations offering legal aid (modelled)
const PSYCH_SHARE = 0.35; // share of stations offering psychological support (modelled)
const MIN_SPACING_M = 300; // metres between any two sites, relaxed if an area runs out of room
const JITTER_M = 40; // metres: stations sit somewhere in their 100 m cell, not at its centre

export type HallKind = 'district-hall' | 'subdistrict-hall' | 'community-hall' | 'station';

export interface HallProps {
  name: string;
  kind: HallKind;
  subdistrict: string;
  community?: string;
  address: string;
  services: string[];
  capacity: number; // people per service, modelled by kind (CAPACITY_BY_KIND)
}

export type HallFeature = Feature<Point, HallProps>;

export interface CommunitySite {
  name: string;
  area: number; // subdistrict index
  lngLat: [number, number];
}

const modelled = (sd: string, community = '') => `光明区${sd}${community}（模拟地址）`;

/**
 * Modelled capacity, people each site can serve per service, by kind: no
 * capacity is published, so these only give the sample's load numbers a
 * plausible scale (a station about one community's share, larger halls more).
 */
export const CAPACITY_BY_KIND: Record<HallKind, number> = { 'district-hall': 40000, 'subdistrict-hall': 20000, 'community-hall': 10000, station: 5000 };

function hall(lngLat: [number, number], fields: Omit<HallProps, 'capacity'>): HallFeature {
  const props: HallProps = { ...fields, capacity: CAPACITY_BY_KIND[fields.kind] };
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [round6(lngLat[0]), round6(lngLat[1])] } };
}

/** All 236 sites: district hall, subdistrict halls, community halls, then stations by community. */
export function makeHalls(
  locator: Locator,
  subs: readonly Subdistrict[],
  communities: readonly CommunitySite[],
  districtHall: [number, number],
  cells: readonly PopulationCell[],
  seed: number,
): HallFeature[] {
  const rand = mulberry32(seed);
  const all = [...SERVICES];
  const dArea = uniqueArea(locator, districtHall);
  if (dArea < 0) throw new Error('make-sample: the district hall is not inside exactly one subdistrict');
  const out: HallFeature[] = [
    hall(districtHall, {
      name: '光明区群众诉求服务大厅',
      kind: 'district-hall',
      subdistrict: subs[dArea].name,
      address: modelled(subs[dArea].name),
      services: all,
    }),
  ];
  subs.forEach((sd, i) => {
    if (uniqueArea(locator, sd.seat) !== i) throw new Error(`make-sample: seat of ${sd.name} is not inside it`);
    out.push(hall(sd.seat, { name: `${sd.name}群众诉求服务大厅`, kind: 'subdistrict-hall', subdistrict: sd.name, address: modelled(sd.name), services: all }));
  });
  for (const c of communities) {
    const sd = subs[c.area].name;
    out.push(
      hall(c.lngLat, {
        name: `${c.name}群众诉求服务站`,
        kind: 'community-hall',
        subdistrict: sd,
        community: c.name,
        address: modelled(sd, c.name),
        services: all,
      }),
    );
  }

  // Stations per subdistrict in proportion to its people, then drawn cell by
  // cell with probability ∝ people, keeping a minimum spacing from every site.
  const placed = out.map((h) => toMetres(h.geometry.coordinates));
  const perArea = subs.map((_, i) => cells.filter((c) => c.area === i));
  const quota = largestRemainder(
    perArea.map((cs) => cs.reduce((s, c) => s + c.population, 0)),
    STATION_COUNT,
  );
  const stations: { at: [number, number]; area: number; community: CommunitySite }[] = [];
  subs.forEach((_, i) => {
    const cs = perArea[i];
    const cum: number[] = [];
    cs.reduce((s, c) => (cum.push(s + c.population), s + c.population), 0);
    let spacing = MIN_SPACING_M;
    for (let got = 0, tries = 0; got < quota[i]; tries++) {
      if (tries > 2000) {
        spacing *= 0.9; // crowded: accept closer stations rather than fail
        tries = 0;
      }
      const r = rand() * cum[cum.length - 1];
      let lo = 0;
      for (let hi = cum.length - 1; lo < hi;) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      const [cx, cy] = toMetres(cs[lo].lngLat);
      const x = cx + (rand() * 2 - 1) * JITTER_M;
      const y = cy + (rand() * 2 - 1) * JITTER_M;
      if (placed.some(([px, py]) => Math.hypot(px - x, py - y) < spacing)) continue;
      const ll = toLngLat(x, y);
      const at: [number, number] = [round6(ll[0]), round6(ll[1])];
      if (uniqueArea(locator, at) !== i) continue;
      const own = communities.filter((c) => c.area === i);
      const nearest = own.reduce((best, c) => {
        const [ax, ay] = toMetres(c.lngLat);
        const [bx, by] = toMetres(best.lngLat);
        return Math.hypot(ax - x, ay - y) < Math.hypot(bx - x, by - y) ? c : best;
      });
      placed.push([x, y]);
      stations.push({ at, area: i, community: nearest });
      got++;
    }
  });
  for (const c of communities) {
    let k = 0;
    for (const st of stations.filter((s) => s.community === c)) {
      const services = ['petition'];
      if (rand() < LEGAL_AID_SHARE) services.push('legal-aid');
      if (rand() < PSYCH_SHARE) services.push('psych-support');
      const sd = subs[st.area].name;
      out.push(hall(st.at, { name: `${c.name}第${++k}服务站`, kind: 'station', subdistrict: sd, community: c.name, address: modelled(sd, c.name), services }));
    }
  }
  return out;
}

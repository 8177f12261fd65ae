// Community centres: the approximate anchors, moved towards their subdistrict
// seat when the modelled subdistrict edge leaves them outside.
import type { AdminRow } from './read-data.ts';
import type { CommunitySite } from './halls.ts';
import { uniqueArea, type Locator } from './locate.ts';
import { COMMUNITY_ANCHORS, type Subdistrict } from './places.ts';
import { round6 } from './projection.ts';

/** One site per community row, in file order, each inside its own subdistrict. */
export function placeCommunities(admin: readonly AdminRow[], subs: readonly Subdistrict[], locator: Locator): CommunitySite[] {
  return admin
    .filter((r) => r.level === 'community')
    .map((r) => {
      const area = subs.findIndex((s) => s.name === r.parentName);
      const anchor = COMMUNITY_ANCHORS[r.name];
      if (area < 0 || !anchor) throw new Error(`make-sample: community ${r.name}: no subdistrict or anchor`);
      const seat = subs[area].seat;
      for (let t = 0; t <= 1; t += 0.05) {
        const p: [number, number] = [round6(anchor[0] + t * (seat[0] - anchor[0])), round6(anchor[1] + t * (seat[1] - anchor[1]))];
        if (uniqueArea(locator, p) === area) return { name: r.name, area, lngLat: p };
      }
      throw new Error(`make-sample: community ${r.name}: cannot place it inside ${r.parentName}`);
    });
}

// Community centres from the admin codes and the approximate anchors in places.ts.
import type { CommunitySite } from './halls';
import { COMMUNITY_ANCHORS, type Subdistrict } from './places';
import type { AdminRow } from './read-data';

/** One site per community row, in file order, with the index of its subdistrict. */
export function communitySites(admin: readonly AdminRow[], subs: readonly Subdistrict[]): CommunitySite[] {
  return admin
    .filter((r) => r.level === 'community')
    .map((r) => {
      const area = subs.findIndex((s) => s.name === r.parentName);
      const anchor = COMMUNITY_ANCHORS[r.name];
      if (area < 0) throw new Error(`make-sample: community ${r.name}: unknown subdistrict ${r.parentName}`);
      if (!anchor) throw new Error(`make-sample: community ${r.name}: no approximate centre in places.ts`);
      return { name: r.name, area, lngLat: anchor };
    });
}

// Proposed and suggested halls as one GeoJSON file of points, so a planner can
// hand the sites to a colleague or load them back as a halls file.
import type { ProposedHall, SuggestedSiteInfo } from '../messages';
import { CRS_LABEL, outputPosition, type OutputCrs } from './output-crs';

/**
 * Proposed halls (status "proposed", with name and services: loadable as a
 * halls file) then suggested sites (status "suggested", with rank and the
 * people each adds), in the chosen coordinate system, stated in the
 * foreign member "coordinate_system".
 */
export function hallsGeoJson(proposed: readonly ProposedHall[], suggested: readonly SuggestedSiteInfo[], radiusM: number, crs: OutputCrs): string {
  const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: outputPosition([lng, lat], crs) });
  const features = [
    ...proposed.map((h) => ({
      type: 'Feature' as const,
      properties: { status: 'proposed', name: h.name, services: [...h.services] },
      geometry: point(h.lng, h.lat),
    })),
    ...suggested.map((s) => ({
      type: 'Feature' as const,
      properties: { status: 'suggested', name: s.name ?? `#${s.rank}`, services: [s.service], rank: s.rank, added_people: s.added, cumulative_people: s.cumulative },
      geometry: point(s.lng, s.lat),
    })),
  ];
  return `${JSON.stringify({ type: 'FeatureCollection', coordinate_system: CRS_LABEL[crs], radius_m: radiusM, features })}\n`;
}

// Proposed halls, and on request the suggested sites not kept, as one GeoJSON
// file of points, so a planner can hand the sites to a colleague or load them
// back as a halls file. Each site is written once: a kept suggestion is a
// proposed hall, not also a suggestion.
import type { ProposedHall, SuggestedSiteInfo } from '../planning/plan-types';
import { CRS_LABEL, outputPosition, type OutputCrs } from './output-crs';

export interface HallsExportOptions {
  /** Also write the suggested sites that were not kept as proposed halls. */
  includeSuggested: boolean;
  /** Ranks of the suggestion kept as proposed halls. */
  kept: readonly number[];
}

/** The suggested sites the file holds: none unless asked; never a kept one, nor one standing where a proposed hall stands. */
export function sitesToExport(proposed: readonly ProposedHall[], suggested: readonly SuggestedSiteInfo[], opts: HallsExportOptions): SuggestedSiteInfo[] {
  if (!opts.includeSuggested) return [];
  const taken = new Set(proposed.map((h) => `${h.lng},${h.lat}`));
  return suggested.filter((s) => !opts.kept.includes(s.rank) && !taken.has(`${s.lng},${s.lat}`));
}

/**
 * Proposed halls (status "proposed", with name and services: loadable as a
 * halls file), then the suggested sites of sitesToExport (status
 * "suggested", with rank and the people each adds), in the chosen coordinate
 * system, stated in the foreign member "coordinate_system";
 * "suggested_included" says whether unkept suggestions were asked for.
 */
export function hallsGeoJson(
  proposed: readonly ProposedHall[],
  suggested: readonly SuggestedSiteInfo[],
  radiusM: number,
  crs: OutputCrs,
  opts: HallsExportOptions,
): string {
  const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: outputPosition([lng, lat], crs) });
  const features = [
    ...proposed.map((h) => ({
      type: 'Feature' as const,
      properties: { status: 'proposed', name: h.name, services: [...h.services] },
      geometry: point(h.lng, h.lat),
    })),
    ...sitesToExport(proposed, suggested, opts).map((s) => ({
      type: 'Feature' as const,
      properties: {
        status: 'suggested',
        name: s.name ?? `#${s.rank}`,
        services: [s.service],
        rank: s.rank,
        added_people: s.added,
        cumulative_people: s.cumulative,
      },
      geometry: point(s.lng, s.lat),
    })),
  ];
  return `${JSON.stringify({ type: 'FeatureCollection', coordinate_system: CRS_LABEL[crs], radius_m: radiusM, suggested_included: opts.includeSuggested, features })}\n`;
}

// One export file built from the engine: the dispatch shared by the worker's
// export request and any other caller, so every format is written by core/export.
import type { CoverageEngine } from '../coverage/engine';
import { hallCapacity } from '../coverage/hall-capacity';
import { withTarget } from '../coverage/stats-target';
import { groupFieldsOf, withGroups } from '../coverage/stats-groups';
import { withDistanceMode } from '../network/stats-mode';
import type { CoverageRequest, ProposedHall, SuggestedSiteInfo } from '../planning/plan-types';
import type { DistanceMode, Stats } from '../types';
import { CRS_LABEL } from './crs-label';
import { hallLoadRows, hallLoadsGeoJson } from './hall-loads';
import { loadsCsv } from './loads-export';
import { outputPosition } from './output-crs';
import { levelStats, statsReport, type AreaLevel } from './stats-report';
import { gapsCsv, gapsGeoJson } from './gaps-export';
import { statsCsv, statsJson } from './stats-export';
import { hallsGeoJson } from './halls-export';
import type { CsvLabels } from './csv-labels';

export type ExportFile = 'gaps-geojson' | 'gaps-csv' | 'stats-csv' | 'stats-json' | 'halls-geojson' | 'loads-csv' | 'loads-geojson';

export interface ExportRequest extends CoverageRequest {
  file: ExportFile;
  /** The coverage target shown, a fraction 0–1: the statistics JSON carries target and meets_target, the statistics CSV a meets-target column per key. */
  target?: number;
  crs: 'wgs84' | 'gcj02'; // output coordinate system
  /** For the CSVs: title, column and row names in the interface language. */
  labels?: CsvLabels;
  /** For 'halls-geojson': the proposed halls, and the last suggestion's sites (written only as HallsExportOptions say). */
  proposed?: ProposedHall[];
  suggested?: SuggestedSiteInfo[];
  kept?: number[];
  includeSuggested?: boolean;
}

export interface ExportResult {
  file: ExportFile;
  text: string;
  mime: string;
}

// CSVs are written for people, in the words the page sends.
function labels(req: ExportRequest): CsvLabels {
  if (!req.labels) throw new Error(`${req.file}: the request has no column names`);
  return req.labels;
}

/**
 * One export file built from the engine for the given radius, services and
 * output CRS. `distance`: the mode the engine measures in, named in the stats
 * JSON when roads are loaded (null without roads); capacity catchments follow
 * the engine's distance in either mode. `levels`: the further area
 * levels loaded with the engine's areas, coarse to fine; the stats JSON
 * reports them in `levels` as the CLI does for repeated --areas.
 */
export function exportFile(engine: CoverageEngine, req: ExportRequest, distance: DistanceMode | null = null, levels: readonly AreaLevel[] = []): ExportResult {
  const opts = { radiusM: req.radiusM, services: req.services };
  // The stats as the table shows them: with the capacity fields when the halls have capacities or one is typed.
  const withCapacity = (): Stats => {
    const capacity = hallCapacity(engine.halls, req.capacity);
    return capacity ? engine.capacityStats(opts, capacity) : engine.stats(opts);
  };
  const loadsStats = (): Stats => {
    const stats = withCapacity();
    if (!stats.halls) throw new Error('the halls have no capacities: choose a capacity field on import or type one for every hall');
    return stats;
  };
  switch (req.file) {
    case 'gaps-geojson':
      return { file: req.file, mime: 'application/geo+json', text: gapsGeoJson(engine.gaps(opts), opts, req.crs) };
    case 'gaps-csv':
      return { file: req.file, mime: 'text/csv', text: gapsCsv(engine.gaps(opts), opts.services, labels(req), req.crs) };
    case 'stats-csv':
      return {
        file: req.file,
        mime: 'text/csv',
        text: statsCsv(req.target === undefined ? withCapacity() : withTarget(withCapacity(), req.target), labels(req)),
      };
    case 'stats-json': {
      // The halls' own capacities: exactly the CLI's file; a typed one: the same fields for that capacity.
      const own = engine.halls.capacity !== undefined;
      const typed = !own ? hallCapacity(engine.halls, req.capacity) : null;
      // The groups the population was read with (the import dialog's choice): every block's `groups`, as the CLI's --group-fields.
      const groups = groupFieldsOf(engine);
      let stats = typed ? engine.capacityStats(opts, typed) : statsReport(engine, { ...opts, capacity: own, levels, target: req.target, groups });
      if (typed) {
        if (groups.length > 0) stats = withGroups(stats, engine, groups, opts);
        if (levels.length > 0) stats = { ...stats, levels: levels.map((l) => levelStats(engine, l, { ...opts, groups })) };
        if (req.target !== undefined) stats = withTarget(stats, req.target);
      }
      return { file: req.file, mime: 'application/json', text: statsJson(distance ? withDistanceMode(stats, distance) : stats) };
    }
    case 'loads-csv':
      return { file: req.file, mime: 'text/csv', text: loadsCsv(hallLoadRows(loadsStats(), engine.halls), labels(req)) };
    case 'loads-geojson':
      return {
        file: req.file,
        mime: 'application/geo+json',
        text: hallLoadsGeoJson(hallLoadRows(loadsStats(), engine.halls), req.radiusM, CRS_LABEL[req.crs], (lng, lat) => outputPosition([lng, lat], req.crs)),
      };
    case 'halls-geojson': {
      const halls = { includeSuggested: req.includeSuggested ?? false, kept: req.kept ?? [] };
      return { file: req.file, mime: 'application/geo+json', text: hallsGeoJson(req.proposed ?? [], req.suggested ?? [], req.radiusM, req.crs, halls) };
    }
  }
}

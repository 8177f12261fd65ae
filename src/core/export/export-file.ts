// One export file built from the engine: the dispatch shared by the worker's
// export request and any other caller, so every format is written by core/export.
import type { CoverageEngine } from '../coverage/engine';
import type { CoverageRequest, ProposedHall, SuggestedSiteInfo } from '../planning/plan-types';
import { statsReport } from './stats-report';
import { gapsCsv, gapsGeoJson } from './gaps-export';
import { statsCsv, statsJson } from './stats-export';
import { hallsGeoJson } from './halls-export';
import type { CsvLabels } from './csv-labels';

export type ExportFile = 'gaps-geojson' | 'gaps-csv' | 'stats-csv' | 'stats-json' | 'halls-geojson';

export interface ExportRequest extends CoverageRequest {
  file: ExportFile;
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

/** One export file built from the engine for the given radius, services and output CRS. */
export function exportFile(engine: CoverageEngine, req: ExportRequest): ExportResult {
  const opts = { radiusM: req.radiusM, services: req.services };
  switch (req.file) {
    case 'gaps-geojson':
      return { file: req.file, mime: 'application/geo+json', text: gapsGeoJson(engine.gaps(opts), opts, req.crs) };
    case 'gaps-csv':
      return { file: req.file, mime: 'text/csv', text: gapsCsv(engine.gaps(opts), opts.services, labels(req), req.crs) };
    case 'stats-csv':
      return { file: req.file, mime: 'text/csv', text: statsCsv(engine.stats(opts), labels(req)) };
    case 'stats-json':
      return { file: req.file, mime: 'application/json', text: statsJson(statsReport(engine, { ...opts, capacity: engine.halls.capacity !== undefined })) };
    case 'halls-geojson': {
      const halls = { includeSuggested: req.includeSuggested ?? false, kept: req.kept ?? [] };
      return { file: req.file, mime: 'application/geo+json', text: hallsGeoJson(req.proposed ?? [], req.suggested ?? [], req.radiusM, req.crs, halls) };
    }
  }
}

// The planning code the worker loads on first use: the core's what-if session,
// with the candidate file read from its Blob like every import (in slices,
// UTF-8/UTF-16/GBK decoded, the worker's size limit), and the export files.
import type { CoverageEngine } from '../core/coverage/engine';
import type { DistanceMode } from '../core/types';
import type { AreaLevel } from '../core/export/stats-report';
import { WhatIfSession } from '../core/planning/what-if';
import { exportFile } from '../core/export/export-file';
import { distanceDistribution } from '../core/coverage/distance-distribution';
import { blobSource } from './blob-source';
import { wholeText, type ByteSource } from './byte-source';
import type {
  CompareRequest,
  CompareResult,
  DistanceChartRequest,
  DistanceChartResult,
  ExportRequest,
  ExportResult,
  PlannedGapsResult,
  PlanRequest,
  PlanResult,
  SuggestRequest,
  SuggestResult,
} from './messages';

export class PlanningSession {
  private readonly whatIf: WhatIfSession;

  /** `distance`: the mode the engine measures in, named in the stats JSON when roads are loaded (null without roads). */
  constructor(
    private readonly engine: CoverageEngine,
    private readonly distance: DistanceMode | null = null,
  ) {
    this.whatIf = new WhatIfSession(engine, distance === 'network');
  }

  plan(req: PlanRequest): PlanResult {
    return this.whatIf.plan(req);
  }

  plannedGaps(req: PlanRequest): PlannedGapsResult {
    return this.whatIf.plannedGaps(req);
  }

  compare(req: CompareRequest): CompareResult {
    return this.whatIf.compare(req);
  }

  /** `readBlob` gives the candidate file's bytes (the worker's FileReaderSync; tests pass bytes). */
  suggest(req: SuggestRequest, readBlob: (blob: Blob) => ByteSource = blobSource): SuggestResult {
    const { candidates, ...query } = req;
    const file = candidates && { file: candidates.file, crs: candidates.crs, text: wholeText(candidates.file, readBlob(candidates.blob)) };
    return this.whatIf.suggest(query, file);
  }

  /** Covered shares at each radius of the request, from the engine's exact nearest-hall distances: at the table's radius they equal its shares. */
  distanceChart(req: DistanceChartRequest): DistanceChartResult {
    return { ...req, curve: distanceDistribution(this.engine, { services: req.services, radii: req.radii }) };
  }

  /** `levels`: the further area levels loaded with the areas, reported in the stats JSON's `levels`. */
  exportFile(req: ExportRequest, levels: readonly AreaLevel[] = []): ExportResult {
    return exportFile(this.engine, req, this.distance, levels);
  }
}
export { LevelSession } from './levels';

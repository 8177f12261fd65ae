// Further area levels (e.g. communities under subdistricts) in the worker:
// read on the first request that needs them, so the first numbers do not wait
// for them and the worker's first chunk does not carry this code. Numbers come
// from the core's levelStats, exactly as the CLI reports `levels`.
import { groupEngine, levelParents, levelStats, type AreaLevel, type AreaSet, type CoverageEngine } from '../core';
import type { areaInfo } from './build-layers';
import type { AreaShapeProps, InputFile, LevelLayers, LevelStatsRequest, LevelStatsResult } from './messages';

/** What the session needs of the worker's first chunk, passed in rather than imported (see coverage.worker.ts). */
export interface LevelTools {
  /** Read one area file as the first level is read (its text or its picked file, CRS and name field). */
  readAreas(f: InputFile): AreaSet;
  areaInfo: typeof areaInfo;
}

/** Whether every person with a fine area lies in its parent, and nobody without one lies in a coarse area: then fine areas add up to their parents. */
export function levelsNest(engine: CoverageEngine, view: CoverageEngine): boolean {
  const parents = levelParents(view.unitArea, view.areas.names.length, engine.unitArea, engine.areas.names.length, engine.population.weight);
  const w = engine.population.weight;
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] > 0)) continue;
    const f = view.unitArea[i];
    const c = engine.unitArea[i];
    if (f < 0 ? c >= 0 : c !== parents[f]) return false;
  }
  return true;
}

export class LevelSession {
  /** The level files as read, coarse to fine (for the stats JSON's `levels`). */
  readonly levels: readonly AreaLevel[];

  /** Reads every level file now; throws the core's InputError for a bad one. */
  constructor(
    private readonly engine: CoverageEngine,
    files: readonly InputFile[],
    private readonly tools: LevelTools,
  ) {
    this.levels = files.map((f) => ({ file: f.file, field: f.field ?? 'name', areas: tools.readAreas(f) }));
  }

  layers(): LevelLayers[] {
    return this.levels.map((l) => {
      const infos = l.areas.features.map((f, i) => this.tools.areaInfo(f, l.areas.names[i]));
      const props = (i: number): AreaShapeProps => ({ i, name: infos[i].name, name_en: infos[i].nameEn });
      return {
        file: l.file,
        areas: infos,
        areaShapes: {
          type: 'FeatureCollection',
          features: l.areas.features.map((f, i) => ({ type: 'Feature', id: i, properties: props(i), geometry: f.geometry })),
        },
        areaLabels: {
          type: 'FeatureCollection',
          features: infos.map((a, i) => ({ type: 'Feature', properties: props(i), geometry: { type: 'Point', coordinates: a.labelAt } })),
        },
        nested: levelsNest(this.engine, this.engine.forAreas(l.areas)),
      };
    });
  }

  stats(req: LevelStatsRequest): LevelStatsResult {
    const opts = { radiusM: req.radiusM, services: req.services };
    const all = this.levels.map((l) => levelStats(this.engine, l, opts));
    if (req.group === undefined || !this.engine.population.groups?.some((g) => g.field === req.group)) return { ...req, levels: all };
    // A group's numbers under the same parents as everyone's: the rows stay where the table opened them.
    const g = groupEngine(this.engine, req.group);
    const levels = this.levels.map((l, k) => {
      const s = levelStats(g, l, opts);
      // By name: the outside bucket is listed only when it holds someone of the group.
      const parent = new Map(all[k].areas.map((a) => [a.name, a.parent]));
      return { ...s, areas: s.areas.map((a) => ({ ...a, parent: parent.get(a.name) ?? null })) };
    });
    return { ...req, levels };
  }
}

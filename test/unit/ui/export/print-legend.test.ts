import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { printLegend } from '../../../../src/ui/export/print-map';
import { loadPlanningStrings } from '../../../../src/ui/i18n';
import { app } from '../../../../src/ui/state.svelte';
import { groupChoice } from '../../../../src/ui/groups/groups.svelte';
import type { LoadResult } from '../../../../src/worker/messages';

// Two cells of 100 people per hectare, of whom 4 (4 %) are 65+: the group's breaks are everyone's over 10.
const cell = (d: number, d65: number) => ({
  type: 'Feature' as const,
  properties: { p: d, d, 'd:age65': d65 },
  geometry: { type: 'Polygon' as const, coordinates: [] },
});
const loaded = {
  services: ['petition'],
  halls: [],
  areas: [],
  totalPopulation: 200,
  hasCapacity: false,
  fit: [],
  cellM: 100,
  hallPoints: { type: 'FeatureCollection', features: [] },
  areaShapes: { type: 'FeatureCollection', features: [] },
  areaLabels: { type: 'FeatureCollection', features: [] },
  population: { type: 'FeatureCollection', features: [cell(100, 4), cell(100, 4)] },
  roads: null,
  groups: ['age65'],
  levelFiles: [],
} as unknown as LoadResult;

describe('printLegend', () => {
  beforeAll(loadPlanningStrings); // the export tool's strings, fetched with the tool in the page
  afterEach(() => {
    // The shared unit project keeps modules between files: leave the app as it was.
    app.loaded = null;
    groupChoice.field = null;
  });
  it('lists everyone’s classes, then a shown group’s name and its own breaks, as the map shades it', () => {
    app.loaded = loaded;
    groupChoice.field = null;
    const everyone = printLegend()[0];
    expect(everyone.items.map((i) => i.label)).toEqual(['0–10', '10–25', '25–50', '50–100', '100–200', '≥ 200']);
    expect(everyone.title).not.toContain('65');
    groupChoice.field = 'age65';
    const group = printLegend()[0];
    expect(group.items.map((i) => i.label)).toEqual(['0–1', '1–2.5', '2.5–5', '5–10', '10–20', '≥ 20']);
    expect(group.title).toContain('65岁以上');
  });
});

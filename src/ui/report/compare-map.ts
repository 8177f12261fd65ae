// The report's map of a scenario comparison (issue 18): the report's map
// (export/print-map.ts: scale bar, north arrow, full legend) with the zones
// where B covers people A does not, and the reverse, hatched as the planning
// tool's map mode draws them (map/compare-layer.ts), and their two entries in
// the legend. The gaps' hatch is left out of this map, so the only hatches on
// it are the comparison's. Both are for this image only: the map is put back
// as the planner left it.
import { app } from '../state.svelte';
import { mapHandle } from '../map-handle';
import { printLegend, printMap } from '../export/print-map';
import type { CompareHalls, CompareLayer, CompareZones } from '../../map/compare-layer';
import type { CoverageMap } from '../../map/coverage-map';
import type { LegendGroup } from '../export/map-png';
import { COMPARE_GAINED, COMPARE_HALL_A, COMPARE_HALL_B, COMPARE_LOST } from '../../map/palette';

/** For the report's main map: the comparison's zones the planning tool may show are left out, since its legend has no entry for them. */
export const withoutComparison = async (): Promise<() => void> => {
  const map = mapHandle.current;
  // Fetched, not imported: the layer's code stays out of what the page's first load lists.
  const layer = (await import('../../map/compare-layer')).CompareLayer.current;
  const before = layer?.zones;
  if (!map || !layer || !before) return () => undefined;
  map.markPending();
  layer.setZones(null);
  return () => {
    map.markPending();
    layer.setZones(before);
  };
};

export interface CompareMapWords {
  title: string;
  legendTitle: string;
  /** Where B covers people A does not. */
  gained: string;
  /** Where A covers people B does not. */
  lost: string;
  /** A's proposed halls, e.g. "方案 A（北片）拟建服务点". */
  hallsA: string;
  /** B's proposed halls. */
  hallsB: string;
}

/**
 * The comparison map's legend: the app's legend without its hatches (the
 * gaps are not drawn) and without the active scenario's proposed halls and
 * suggested sites (not drawn either), then the comparison's hatches and the
 * markers of A's and B's proposed halls, of the sides that have any.
 */
export function compareLegend(base: LegendGroup[], words: CompareMapWords, halls: CompareHalls): LegendGroup[] {
  const dropped = new Set(['hatch', 'proposed', 'suggested']);
  return [
    ...base.map((g) => ({ ...g, items: g.items.filter((it) => !dropped.has(it.swatch)) })),
    {
      title: words.legendTitle,
      items: [
        { swatch: 'hatch', color: COMPARE_GAINED, label: words.gained },
        { swatch: 'hatch', color: COMPARE_LOST, label: words.lost, rising: true },
        ...(halls.a.length ? [{ swatch: 'square' as const, color: COMPARE_HALL_A, label: words.hallsA }] : []),
        ...(halls.b.length ? [{ swatch: 'diamond' as const, color: COMPARE_HALL_B, label: words.hallsB }] : []),
      ],
    },
  ];
}

function compareLayer(map: CoverageMap): Promise<CompareLayer> {
  return new Promise((resolve, reject) => map.addCompareLayer(resolve, reject));
}

/** The comparison's map at `ratio` canvas pixels per CSS pixel, fitted to `bbox` when given; null when no longer `wanted`. */
export function printCompareMap(
  ratio: number,
  bbox: [number, number, number, number] | null,
  now: Date,
  zones: CompareZones,
  halls: CompareHalls,
  words: CompareMapWords,
  wanted: () => boolean,
): Promise<HTMLCanvasElement | null> {
  const overlay = async () => {
    const map = mapHandle.current;
    if (!map) return () => undefined;
    const layer = await compareLayer(map);
    // Fetched, not imported, like the comparison's layer; none until planning drew it, and then nothing to hide.
    const planningLayer = (await import('../../map/proposed-layer')).ProposedLayer.current;
    const before = { zones: layer.zones, halls: layer.halls };
    map.markPending();
    map.setLayerVisible('gaps', false);
    const showPlanning = planningLayer?.hide() ?? (() => undefined);
    layer.setZones(zones);
    layer.setHalls(halls);
    return () => {
      map.markPending();
      layer.setZones(before.zones);
      layer.setHalls(before.halls);
      showPlanning();
      map.setLayerVisible('gaps', app.layers.gaps);
    };
  };
  return printMap(ratio, bbox, now, wanted, { title: words.title, legend: compareLegend(printLegend(), words, halls), overlay });
}

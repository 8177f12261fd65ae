// The scenario comparison on the map: where scenario B covers people that A
// does not (falling hatch) and the reverse (rising hatch), in two colours as
// well, so the sides differ by more than colour; and, for print, each side's
// proposed halls (A a hollow square, B a filled diamond: compare-marks.ts).
// Fetched with the comparison, never with the first map.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { HATCH_SIZE, hatchPixels } from './hatch';
import { MARK_CSS_PX, MARK_PIXEL_RATIO, markPixels } from './compare-marks';
import { COMPARE_GAINED, COMPARE_HALL_A, COMPARE_HALL_B, COMPARE_LOST } from './palette';

export type CompareZones = FeatureCollection<Polygon | MultiPolygon, { side: 'gained' | 'lost' }>;

/** The proposed halls of the two compared scenarios, [lng, lat] each. */
export interface CompareHalls {
  a: [number, number][];
  b: [number, number][];
}

const SOURCE = 'compare';
const HALLS = 'compare-halls';
const EMPTY: CompareZones = { type: 'FeatureCollection', features: [] };

export class CompareLayer {
  /** The page's one comparison layer once a tool asked for it (CoverageMap makes at most one), so a print can leave its zones out. */
  static current: CompareLayer | null = null;
  private shown: CompareZones | null = null;
  private marked: CompareHalls | null = null;

  constructor(private map: MapLibreMap) {
    map.addImage('compare-gained', { width: HATCH_SIZE, height: HATCH_SIZE, data: hatchPixels(COMPARE_GAINED) });
    map.addImage('compare-lost', { width: HATCH_SIZE, height: HATCH_SIZE, data: hatchPixels(COMPARE_LOST, true) });
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    // Under the proposed halls (when that layer is there), over the gaps and circles.
    const before = map.getLayer('planning-reach') ? 'planning-reach' : undefined;
    for (const side of ['gained', 'lost'] as const) {
      const filter = ['==', ['get', 'side'], side] as ['==', ['get', string], string];
      map.addLayer({ id: `compare-${side}-fill`, type: 'fill', source: SOURCE, filter, paint: { 'fill-pattern': `compare-${side}` } }, before);
      map.addLayer(
        {
          id: `compare-${side}-line`,
          type: 'line',
          source: SOURCE,
          filter,
          paint: {
            'line-color': side === 'gained' ? COMPARE_GAINED : COMPARE_LOST,
            'line-width': 1.5,
            ...(side === 'lost' ? { 'line-dasharray': [2, 1] } : {}),
          },
        },
        before,
      );
    }
    const px = MARK_CSS_PX * MARK_PIXEL_RATIO;
    map.addImage('compare-hall-a', { width: px, height: px, data: markPixels('square', COMPARE_HALL_A, px) }, { pixelRatio: MARK_PIXEL_RATIO });
    map.addImage('compare-hall-b', { width: px, height: px, data: markPixels('diamond', COMPARE_HALL_B, px) }, { pixelRatio: MARK_PIXEL_RATIO });
    map.addSource(HALLS, { type: 'geojson', data: hallData(null) });
    // On top of everything; B's diamond over A's square where both scenarios hold a hall at one place, A's corners still showing.
    map.addLayer({
      id: HALLS,
      type: 'symbol',
      source: HALLS,
      layout: {
        'icon-image': ['match', ['get', 'side'], 'a', 'compare-hall-a', 'compare-hall-b'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': ['match', ['get', 'side'], 'a', 0, 1],
      },
    });
    CompareLayer.current = this;
  }

  /** Mark these proposed halls (null: none). */
  setHalls(halls: CompareHalls | null): void {
    this.marked = halls;
    (this.map.getSource(HALLS) as GeoJSONSource | undefined)?.setData(hallData(halls));
  }

  /** The halls marked (null: none), so a print can put them back. */
  get halls(): CompareHalls | null {
    return this.marked;
  }

  /** Show these zones (empty: none). */
  setZones(zones: CompareZones | null): void {
    this.shown = zones;
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(zones ?? EMPTY);
  }

  /** The zones shown (null: none), so a print that shows others can put these back. */
  get zones(): CompareZones | null {
    return this.shown;
  }
}

function hallData(halls: CompareHalls | null): FeatureCollection<Point, { side: 'a' | 'b' }> {
  const side = (s: 'a' | 'b', at: [number, number][]) =>
    at.map((coordinates) => ({ type: 'Feature' as const, properties: { side: s }, geometry: { type: 'Point' as const, coordinates } }));
  return { type: 'FeatureCollection', features: halls ? [...side('a', halls.a), ...side('b', halls.b)] : [] };
}

// The scenario comparison on the map: where scenario B covers people that A
// does not (falling hatch) and the reverse (rising hatch), in two colours as
// well, so the sides differ by more than colour. Fetched with the comparison,
// never with the first map.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { HATCH_SIZE, hatchPixels } from './hatch';
import { COMPARE_GAINED, COMPARE_LOST } from './palette';

export type CompareZones = FeatureCollection<Polygon | MultiPolygon, { side: 'gained' | 'lost' }>;

const SOURCE = 'compare';
const EMPTY: CompareZones = { type: 'FeatureCollection', features: [] };

export class CompareLayer {
  /** The page's one comparison layer once a tool asked for it (CoverageMap makes at most one), so a print can leave its zones out. */
  static current: CompareLayer | null = null;
  private shown: CompareZones | null = null;

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
    CompareLayer.current = this;
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

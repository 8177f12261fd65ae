// Planning on the map: halls the user proposes (white centre, thick black
// ring, their service circle drawn as a dashed-looking outline) and suggested
// sites (purple ring, rank label), distinct from the existing halls' coloured
// dots. In planning mode a click on empty map adds a hall and a proposed hall
// can be dragged; the caller gets positions, never MapLibre objects.
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { PROPOSED_COLOR, SUGGESTED_COLOR } from './palette';

export interface ProposedPoint {
  id: number;
  lng: number;
  lat: number;
  name: string;
}
export interface SuggestedPoint {
  rank: number;
  lng: number;
  lat: number;
  shown?: boolean;
} // shown: the one the list sent the map to, drawn larger

export interface ProposedEvents {
  onAdd(lngLat: [number, number]): void;
  onMove(id: number, lngLat: [number, number]): void; // while dragging and at the drop
}

const SOURCE = 'planning';
const LAYERS = ['planning-reach', 'planning-points', 'planning-labels'] as const;
// Web Mercator metres per pixel at zoom 0 on the equator, for MapLibre's 512 px tiles.
const M_PER_PX_Z0 = 40_075_016.686 / 512;

type Props = { kind: 'proposed' | 'suggested'; id: number; label: string; k: number; shown: boolean };

export class ProposedLayer {
  /** The page's one planning layer once planning drew it (CoverageMap makes at most one), so a print can leave it out. */
  static current: ProposedLayer | null = null;
  private planning = false;
  private dragging: number | null = null;
  private justDragged = false; // the gesture that just ended moved a hall; its click (if any) adds nothing
  private proposed: ProposedPoint[] = [];
  private suggested: SuggestedPoint[] = [];
  private paintedRadiusM: number; // the radius the reach rings are drawn with
  private reachShown = true; // false in walking mode
  private hidden = 0; // prints under way that leave this layer out

  constructor(
    private map: MapLibreMap,
    private events: ProposedEvents,
    private radiusM: number,
  ) {
    this.paintedRadiusM = radiusM;
    map.addSource(SOURCE, { type: 'geojson', data: this.data() });
    map.addLayer({
      // The service circle of each proposed hall: a ring whose pixel radius follows the zoom exactly
      // (radius m / metres per pixel; `k` = 1 / cos(latitude) per feature).
      id: 'planning-reach',
      type: 'circle',
      source: SOURCE,
      filter: ['==', ['get', 'kind'], 'proposed'],
      paint: {
        'circle-radius': this.reachRadius(),
        'circle-color': PROPOSED_COLOR,
        'circle-opacity': 0.06,
        'circle-stroke-color': PROPOSED_COLOR,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.7,
        'circle-pitch-alignment': 'map',
      },
    });
    map.addLayer({
      id: 'planning-points',
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': ['match', ['get', 'kind'], 'proposed', 8, ['case', ['get', 'shown'], 11, 7]],
        'circle-color': '#ffffff',
        'circle-stroke-color': ['match', ['get', 'kind'], 'proposed', PROPOSED_COLOR, SUGGESTED_COLOR],
        'circle-stroke-width': ['match', ['get', 'kind'], 'proposed', 4, ['case', ['get', 'shown'], 5, 3]],
      },
    });
    map.addLayer({
      id: 'planning-labels',
      type: 'symbol',
      source: SOURCE,
      filter: ['==', ['get', 'kind'], 'suggested'],
      layout: { 'text-field': ['get', 'label'], 'text-font': ['sans-serif'], 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': SUGGESTED_COLOR },
    });
    // A new gesture starts: forget that the last one was a drag.
    map.on('mousedown', () => (this.justDragged = false));
    map.on('mousedown', 'planning-points', (e) => this.startDrag(e));
    map.on('mousemove', (e) => this.drag(e));
    map.on('mouseup', () => this.endDrag());
    map.on('mouseenter', 'planning-points', () => (map.getCanvas().style.cursor = this.planning ? 'move' : 'pointer'));
    map.on('mouseleave', 'planning-points', () => (map.getCanvas().style.cursor = this.planning ? 'crosshair' : ''));
    map.on('click', (e) => this.click(e));
    ProposedLayer.current = this;
  }

  /** True while clicks add halls; the coverage map then ignores clicks itself. */
  get active(): boolean {
    return this.planning;
  }

  setPlanning(on: boolean): void {
    this.planning = on;
    this.map.getCanvas().style.cursor = on ? 'crosshair' : '';
  }

  /** Walking mode hides the reach rings: a circle would promise what the roads do not give (the covered cells show the reach). */
  setReachShown(shown: boolean): void {
    this.reachShown = shown;
    this.showLayers();
  }

  /**
   * Leave the markers, reach rings and labels off the map (a print of two
   * other scenarios' comparison); the returned function shows them again as
   * they are by then, the walking mode's hidden rings included.
   */
  hide(): () => void {
    this.hidden++;
    this.showLayers();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.hidden--;
      this.showLayers();
    };
  }

  private showLayers(): void {
    const on = (id: (typeof LAYERS)[number]) => this.hidden === 0 && (id !== 'planning-reach' || this.reachShown);
    for (const id of LAYERS) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', on(id) ? 'visible' : 'none');
  }

  setRadius(radiusM: number): void {
    this.radiusM = radiusM;
    // A paint change redraws the whole map; with nothing to draw, wait until there is.
    if (this.proposed.length + this.suggested.length > 0) this.paintRadius();
  }

  setPoints(proposed: ProposedPoint[], suggested: SuggestedPoint[]): void {
    this.proposed = proposed;
    this.suggested = suggested;
    if (this.paintedRadiusM !== this.radiusM) this.paintRadius();
    if (this.dragging === null) this.redraw();
  }

  private paintRadius(): void {
    if (this.paintedRadiusM === this.radiusM) return;
    this.paintedRadiusM = this.radiusM;
    this.map.setPaintProperty('planning-reach', 'circle-radius', this.reachRadius());
  }

  remove(): void {
    for (const id of LAYERS) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (this.map.getSource(SOURCE)) this.map.removeSource(SOURCE);
    if (ProposedLayer.current === this) ProposedLayer.current = null;
  }

  private reachRadius() {
    const r0 = this.radiusM / M_PER_PX_Z0;
    // Exponential base 2 in zoom is exact for Web Mercator; stops at 0 and 24 cover every zoom.
    return ['interpolate', ['exponential', 2], ['zoom'], 0, ['*', r0, ['get', 'k']], 24, ['*', r0 * 2 ** 24, ['get', 'k']]] as never;
  }

  private data(): FeatureCollection<Point, Props> {
    const pt = (lng: number, lat: number, props: Props) => ({
      type: 'Feature' as const,
      properties: props,
      geometry: { type: 'Point' as const, coordinates: [lng, lat] },
    });
    const k = (lat: number) => 1 / Math.cos((lat * Math.PI) / 180);
    return {
      type: 'FeatureCollection',
      features: [
        ...this.suggested.map((s) => pt(s.lng, s.lat, { kind: 'suggested', id: s.rank, label: String(s.rank), k: k(s.lat), shown: s.shown === true })),
        ...this.proposed.map((p) => pt(p.lng, p.lat, { kind: 'proposed', id: p.id, label: p.name, k: k(p.lat), shown: false })),
      ],
    };
  }

  private redraw(): void {
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(this.data());
  }

  private startDrag(e: MapLayerMouseEvent): void {
    if (!this.planning) return;
    const f = e.features?.find((x) => x.properties.kind === 'proposed');
    if (!f) return;
    e.preventDefault(); // keeps the map from panning
    this.dragging = Number(f.properties.id);
  }

  private drag(e: MapMouseEvent): void {
    if (this.dragging === null) return;
    const id = this.dragging;
    const p = this.proposed.find((x) => x.id === id);
    if (!p) return;
    this.proposed = this.proposed.map((x) => (x.id === id ? { ...x, lng: e.lngLat.lng, lat: e.lngLat.lat } : x));
    this.redraw();
    this.events.onMove(id, [e.lngLat.lng, e.lngLat.lat]);
  }

  private endDrag(): void {
    if (this.dragging === null) return;
    this.dragging = null;
    this.justDragged = true;
    this.redraw();
  }

  private click(e: MapMouseEvent): void {
    if (this.justDragged || !this.planning) return;
    const hit = this.map.queryRenderedFeatures(
      [
        [e.point.x - 6, e.point.y - 6],
        [e.point.x + 6, e.point.y + 6],
      ],
      { layers: ['planning-points'] },
    );
    if (hit.some((f) => f.properties.kind === 'proposed')) return;
    this.events.onAdd([e.lngLat.lng, e.lngLat.lat]);
  }
}

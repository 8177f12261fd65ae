// The one place that talks to MapLibre. The UI hands it plain GeoJSON and
// flags; it reports hovers, clicks and view changes through callbacks.
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection } from 'geojson';
import { HATCH_SIZE, hatchPixels } from './hatch';
import { popupElement, type PopupContent } from './hall-popup';
import { GAP_COLOR } from './palette';
import { populationColorExpression } from './population-scale';
import type { ProposedEvents, ProposedLayer } from './proposed-layer';
import type { CompareLayer } from './compare-layer';
import { BASEMAP_SOURCE, buildStyle, CJK_FONTS, GAP_HATCH, hallPaint, LAYER_GROUPS, overCapacityFilter, type LayerGroup } from './style';

// MapLibre cannot find its own worker under Vite; same-origin URL keeps CSP strict.
setWorkerUrl(workerUrl);

export type { LayerGroup } from './style';
export type { PopupContent } from './hall-popup';
export type { ProposedLayer, ProposedEvents, ProposedPoint, SuggestedPoint } from './proposed-layer';
export type { CompareLayer, CompareZones } from './compare-layer';

export type HoverTarget =
  | { kind: 'hall'; index: number; x: number; y: number }
  | { kind: 'gap'; service: string; population: number; area: string; x: number; y: number }
  | { kind: 'area'; index: number; x: number; y: number };

export interface MapEvents {
  onHover(target: HoverTarget | null): void;
  onHallClick(index: number): PopupContent | null;
  onAreaClick(index: number): void;
  /** A gap zone was clicked: its service and rank among that service's zones as drawn. */
  onGapClick(gap: { service: string; rank: number }): void;
  onView(view: { center: [number, number]; zoom: number }): void;
}

export interface SampleLayers {
  areaShapes: FeatureCollection;
  areaLabels: FeatureCollection;
  population: FeatureCollection;
  hallPoints: FeatureCollection;
  roads?: { lines: FeatureCollection } | null; // the walking network, when roads are loaded
}

export const INITIAL_VIEW = { center: [113.93, 22.765] as [number, number], zoom: 10.8 };

/** Thrown by createCoverageMap when the browser has no WebGL2 (MapLibre 6 needs it). */
export class NoWebGlError extends Error {}

export class CoverageMap {
  private map: MapLibreMap;
  private popup: Popup | null = null;
  private lang: 'zh' | 'en';
  private selectedArea: number | null = null;
  private populationShading = 'd/1'; // the cell property the population shading is coloured by, and its break divisor
  private hallServices: string | null = null; // services the halls' paint was last set for
  private overKey = ''; // halls ringed as over capacity, joined
  private drawn = { sample: false, gaps: false, circles: false };
  // Calls made before the style's 'load' event wait here, in order: sources
  // and layers exist only from then on (isStyleLoaded() can also be false
  // briefly later, e.g. while an image is added, so it is not used as a gate).
  private loaded = false;
  private queue: (() => void)[] = [];

  private controls: [NavigationControl, ScaleControl, AttributionControl] | null = null;
  private planning: ProposedLayer | null = null;
  private compare: CompareLayer | null = null;

  /** `locale`: MapLibre UI strings (control titles, scale units) in the starting language. */
  constructor(
    container: HTMLElement,
    lang: 'zh' | 'en',
    locale: Record<string, string>,
    private events: MapEvents,
  ) {
    this.lang = lang;
    try {
      this.map = new MapLibreMap({
        container,
        center: INITIAL_VIEW.center,
        zoom: INITIAL_VIEW.zoom,
        canvasContextAttributes: { preserveDrawingBuffer: true },
        localIdeographFontFamily: CJK_FONTS,
        attributionControl: false, // added in addControls, so a language change can re-add it
        locale,
        style: buildStyle(lang),
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/webgl/i.test(msg)) throw new NoWebGlError(msg);
      throw e;
    }
    const map = this.map;
    this.addControls();
    map.on('load', () => {
      map.addImage(GAP_HATCH, { width: HATCH_SIZE, height: HATCH_SIZE, data: hatchPixels(GAP_COLOR) });
      this.loaded = true;
      for (const fn of this.queue.splice(0)) fn();
    });
    map.on('idle', () => {
      if (this.drawn.sample && this.drawn.gaps && this.drawn.circles) document.documentElement.dataset.mapIdle = '1';
    });
    map.on('movestart', () => this.markPending()); // an animated move is not "drawn" until it ends
    map.on('moveend', () => this.reportView());
    map.on('mousemove', (e) => this.hover(e));
    map.on('mouseout', () => this.events.onHover(null));
    map.on('click', (e) => this.click(e));
    this.reportView();
  }

  // Controls read their strings when added, so a language change re-adds them.
  private addControls(): void {
    if (this.controls) for (const c of this.controls) this.map.removeControl(c);
    this.controls = [
      new NavigationControl({ showCompass: false }),
      new ScaleControl({ unit: 'metric', maxWidth: 120 }),
      new AttributionControl({ compact: true }),
    ];
    this.map.addControl(this.controls[0], 'top-left');
    this.map.addControl(this.controls[1], 'bottom-left');
    this.map.addControl(this.controls[2], 'bottom-right');
    // The canvas's name is set once by MapLibre from the locale it was created with.
    this.map.getCanvas().setAttribute('aria-label', this.map._getUIString('Map.Title'));
  }

  private reportView(): void {
    const c = this.map.getCenter();
    this.events.onView({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
  }

  private visibleLayers(ids: string[]): string[] {
    return ids.filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none');
  }

  private featuresAt(e: MapMouseEvent, layers: string[]): MapGeoJSONFeature[] {
    const live = this.visibleLayers(layers);
    if (!live.length) return [];
    // A few pixels of slack so small station dots can be hit with a finger.
    const { x, y } = e.point;
    return this.map.queryRenderedFeatures(
      [
        [x - 4, y - 4],
        [x + 4, y + 4],
      ],
      { layers: live },
    );
  }

  private hover(e: MapMouseEvent): void {
    const { x, y } = e.point;
    const [hall] = this.featuresAt(e, ['halls']);
    const canvas = this.map.getCanvas();
    canvas.style.cursor = hall ? 'pointer' : this.planning?.active ? 'crosshair' : '';
    if (hall) return this.events.onHover({ kind: 'hall', index: Number(hall.properties.i), x, y });
    const [gap] = this.visibleLayers(['gaps-fill']).length ? this.map.queryRenderedFeatures(e.point, { layers: ['gaps-fill'] }) : [];
    if (gap) {
      const p = gap.properties;
      return this.events.onHover({ kind: 'gap', service: String(p.service), population: Number(p.population), area: String(p.area), x, y });
    }
    const [area] = this.visibleLayers(['areas-fill']).length ? this.map.queryRenderedFeatures(e.point, { layers: ['areas-fill'] }) : [];
    this.events.onHover(area ? { kind: 'area', index: Number(area.properties.i), x, y } : null);
  }

  private click(e: MapMouseEvent): void {
    if (this.planning?.active) return; // planning mode: a click adds a proposed hall instead
    const [hall] = this.featuresAt(e, ['halls']);
    if (hall && hall.geometry.type === 'Point') {
      const content = this.events.onHallClick(Number(hall.properties.i));
      if (content) this.showPopup(hall.geometry.coordinates as [number, number], content);
      return;
    }
    const [gap] = this.visibleLayers(['gaps-fill']).length ? this.map.queryRenderedFeatures(e.point, { layers: ['gaps-fill'] }) : [];
    if (gap) this.events.onGapClick({ service: String(gap.properties.service), rank: Number(gap.properties.rank) });
    const [area] = this.visibleLayers(['areas-fill']).length ? this.map.queryRenderedFeatures(e.point, { layers: ['areas-fill'] }) : [];
    if (area) this.events.onAreaClick(Number(area.properties.i));
  }

  showPopup(lngLat: [number, number], content: PopupContent): void {
    this.popup?.remove();
    this.popup = new Popup({ closeButton: true, maxWidth: '300px', focusAfterOpen: false })
      .setLngLat(lngLat)
      .setDOMContent(popupElement(content))
      .addTo(this.map);
  }

  private whenLoaded(fn: () => void): void {
    if (this.loaded) fn();
    else this.queue.push(fn);
  }

  /** Data is on its way: tests (and anyone watching data-map-idle) must wait for the next idle. */
  markPending(): void {
    document.documentElement.dataset.mapIdle = '0';
  }

  private setData(source: string, data: FeatureCollection): void {
    this.markPending();
    this.whenLoaded(() => (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data as never));
  }

  /** Draw freshly loaded inputs (replaces all of them) and show all of them. */
  setSample(layers: SampleLayers, bbox: [number, number, number, number]): void {
    this.popup?.remove();
    this.selectArea(null);
    this.setAreas(layers);
    this.setData('population', layers.population);
    this.setData('halls', layers.hallPoints);
    this.setData('roads', layers.roads?.lines ?? { type: 'FeatureCollection', features: [] });
    this.drawn.sample = true;
    this.whenLoaded(() =>
      this.map.fitBounds(
        [
          [bbox[0], bbox[1]],
          [bbox[2], bbox[3]],
        ],
        { padding: 20, duration: 0 },
      ),
    );
  }

  /** Outline and label these areas (the first level's or a further level's). */
  setAreas(layers: Pick<SampleLayers, 'areaShapes' | 'areaLabels'>): void {
    this.setData('areas', layers.areaShapes);
    this.setData('area-labels', layers.areaLabels);
  }

  /** The covered area: merged circles, or in walking mode the covered population cells (no outline: cell edges are not a boundary). */
  setCircles(fc: FeatureCollection, mode: 'straight' | 'network' = 'straight'): void {
    this.setData('circles', fc);
    this.drawn.circles = true;
    // Each service's circles are one merged shape, so one service never
    // darkens itself; with several services the tints still add up, so each is lighter.
    const opacity = (fc.features.length > 1 ? 0.07 : 0.14) * (mode === 'network' ? 2.5 : 1);
    this.whenLoaded(() => {
      this.map.setPaintProperty('circles-fill', 'fill-opacity', opacity);
      this.map.setPaintProperty('circles-line', 'line-opacity', mode === 'network' ? 0 : 1);
    });
  }

  setGaps(fc: FeatureCollection): void {
    this.setData('gaps', fc);
    this.drawn.gaps = true;
  }

  /** Outline one gap zone (the one picked in the list or on the map), or none. */
  selectGap(zone: Feature | null): void {
    this.setData('gap-selected', { type: 'FeatureCollection', features: zone ? [zone] : [] });
  }

  /** Shade the population cells by one group of people (their `d:<field>`, see build-layers.ts) on breaks divided by `divisor` (groupBreakDivisor), or everyone (null). */
  setPopulationGroup(field: string | null, divisor = 1): void {
    const prop = field === null ? 'd' : `d:${field}`;
    const key = `${prop}/${divisor}`;
    if (key === this.populationShading) return; // an unchanged paint draws nothing, so no idle would follow markPending
    this.populationShading = key;
    this.markPending();
    this.whenLoaded(() => this.map.setPaintProperty('population', 'fill-color', populationColorExpression(prop, divisor) as ExpressionSpecification));
  }

  /** Halls offering none of these services are drawn hollow and faint. */
  setServices(services: readonly string[]): void {
    const key = services.join('\u0000');
    if (key === this.hallServices) return; // an unchanged paint draws nothing, so no idle would follow markPending
    this.hallServices = key;
    this.markPending();
    this.whenLoaded(() => {
      const paint = hallPaint(services);
      for (const name of Object.keys(paint) as (keyof typeof paint)[]) this.map.setPaintProperty('halls', name, paint[name]);
    });
  }

  /** Ring the halls over capacity (indexes into the hall points), none for an empty list. */
  setOverCapacity(halls: readonly number[]): void {
    const key = halls.join(',');
    if (key === this.overKey) return;
    this.overKey = key;
    this.markPending();
    this.whenLoaded(() => this.map.setFilter('halls-over', overCapacityFilter(halls)));
  }

  setLayerVisible(group: LayerGroup, on: boolean): void {
    const apply = () => {
      if (group === 'basemap' && on && !this.map.getSource('basemap')) {
        this.map.addSource('basemap', BASEMAP_SOURCE);
        this.map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap' }, 'areas-fill');
      }
      for (const id of LAYER_GROUPS[group]) {
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
      }
    };
    this.whenLoaded(apply);
  }

  setLanguage(lang: 'zh' | 'en', locale: Record<string, string>): void {
    if (lang === this.lang) return;
    this.lang = lang;
    // MapLibre has no public setter for its UI strings; _locale is the table
    // its controls read (declared in its typings), patched like the constructor option.
    this.map._locale = { ...this.map._locale, ...locale };
    this.addControls();
    this.popup?.remove();
    this.whenLoaded(() => this.map.setLayoutProperty('areas-label', 'text-field', ['get', lang === 'zh' ? 'name' : 'name_en']));
  }

  selectArea(index: number | null): void {
    if (this.selectedArea === index) return;
    const previous = this.selectedArea;
    this.selectedArea = index;
    this.whenLoaded(() => {
      if (previous !== null) this.map.setFeatureState({ source: 'areas', id: previous }, { selected: false });
      if (index !== null) this.map.setFeatureState({ source: 'areas', id: index }, { selected: true });
    });
  }

  /**
   * Create the planning layer (proposed and suggested halls) once the style
   * has loaded. Its code is fetched then, on the first use of planning, not
   * with the map; `failed` hears when it cannot be fetched.
   */
  addPlanningLayer(events: ProposedEvents, radiusM: number, ready: (layer: ProposedLayer) => void, failed: (e: unknown) => void): void {
    import('./proposed-layer').then(
      ({ ProposedLayer }) =>
        this.whenLoaded(() => {
          this.planning ??= new ProposedLayer(this.map, events, radiusM);
          ready(this.planning);
        }),
      failed,
    );
  }

  /** The scenario comparison's layer, fetched on first use like the planning layer. */
  addCompareLayer(ready: (layer: CompareLayer) => void, failed: (e: unknown) => void): void {
    import('./compare-layer').then(
      ({ CompareLayer }) =>
        this.whenLoaded(() => {
          this.compare ??= new CompareLayer(this.map);
          ready(this.compare);
        }),
      failed,
    );
  }

  /** The MapLibre map, for print-image.ts (loaded with the tools that print). */
  get maplibre(): MapLibreMap {
    return this.map;
  }

  fitBounds(bbox: [number, number, number, number]): void {
    this.map.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: 40, duration: 600 },
    );
  }

  /** Show exactly this view at once (a shared link's centre and zoom), after any pending setSample fit. */
  jumpTo(center: [number, number], zoom: number): void {
    this.whenLoaded(() => this.map.jumpTo({ center, zoom }));
  }

  flyTo(center: [number, number], zoom = 14): void {
    this.map.flyTo({ center, zoom: Math.max(zoom, this.map.getZoom()), duration: 800 });
  }

  resize(): void {
    this.map.resize();
  }

  remove(): void {
    this.popup?.remove();
    this.map.remove();
  }
}

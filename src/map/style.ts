// The offline style: only our own GeoJSON, no glyphs URL (MapLibre 6 draws
// label text, Chinese included, with local fonts), no sprite (the gap hatch
// images are added in code). Sources start empty and are filled by the map
// controller once the worker has parsed the inputs.
import type { ExpressionSpecification, LayerSpecification, RasterSourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import {
  AREA_LINE,
  AREA_SELECTED,
  BACKGROUND,
  DISTRICT_FILL,
  GAP_COLOR,
  GAP_SELECTED,
  GAP_SELECTED_CASING,
  MIX_COLORS,
  MUTED_HALL_FILL_OPACITY,
  MUTED_HALL_RING_OPACITY,
  NO_KNOWN_SERVICE,
  OTHER_SERVICE,
  OVER_CAPACITY_RING,
  ROAD_COLOR,
  SERVICE_COLORS,
} from './palette';
import { populationColorExpression } from './population-scale';
import { KNOWN_SERVICES } from '../core/types';

/** The map layers a user can switch on and off, each a group of style layers. */
export const LAYER_GROUPS = {
  areas: ['areas-fill', 'roads-line', 'areas-line', 'areas-label'], // the roads (walking network) are base data like the areas
  population: ['population'],
  halls: ['halls-over', 'halls'],
  circles: ['circles-fill', 'circles-line'],
  gaps: ['gaps-fill', 'gaps-line', 'gap-selected-casing', 'gap-selected-line'],
  basemap: ['basemap'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

export const GAP_HATCH = 'gap-hatch'; // image id, added in code
export const LABEL_FONTS = ['sans-serif'];
/** CSS font families tried for Chinese labels, before the browser's own fallback. */
export const CJK_FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function byService(): ExpressionSpecification {
  const pairs = Object.entries(SERVICE_COLORS).flat();
  return ['match', ['get', 'service'], ...pairs, OTHER_SERVICE] as unknown as ExpressionSpecification;
}

/** True for a hall offering at least one of `services` (its `mix` lists its known services joined by '+'; no known name contains another). */
function offersAny(services: readonly string[]): ExpressionSpecification {
  return ['any', ...services.map((s) => ['in', s, ['get', 'mix']])] as unknown as ExpressionSpecification;
}

/** Paint of the halls layer for the chosen services: halls without any of them are drawn hollow and faint. */
export function hallPaint(
  services: readonly string[],
): Record<'circle-opacity' | 'circle-stroke-color' | 'circle-stroke-opacity' | 'circle-stroke-width', ExpressionSpecification> {
  const offered = offersAny(services);
  return {
    'circle-stroke-width': ['case', offered, HALL_STROKE, ['max', 1.5, HALL_STROKE]],
    'circle-opacity': ['case', offered, 1, MUTED_HALL_FILL_OPACITY],
    'circle-stroke-color': ['case', offered, '#ffffff', byMix()],
    'circle-stroke-opacity': ['case', offered, 1, MUTED_HALL_RING_OPACITY],
  };
}

function byMix(): ExpressionSpecification {
  return ['match', ['get', 'mix'], ...Object.entries(MIX_COLORS).flat(), NO_KNOWN_SERVICE] as unknown as ExpressionSpecification;
}

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

// Halls (district, subdistrict, community) are bigger and ringed thicker than stations.
const HALL_RADIUS: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  10,
  ['match', ['get', 'rank'], 2, 6, 1, 4.5, 2.5],
  15,
  ['match', ['get', 'rank'], 2, 12, 1, 9, 6],
];
// The ring around a hall over capacity: its dot's radius plus a gap, drawn under the dot.
const OVER_RADIUS: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  10,
  ['match', ['get', 'rank'], 2, 10, 1, 8.5, 6.5],
  15,
  ['match', ['get', 'rank'], 2, 17, 1, 14, 11],
];
/** Filter of the over-capacity ring layer: the halls (`i`) listed. */
export function overCapacityFilter(halls: readonly number[]): ExpressionSpecification {
  return ['in', ['get', 'i'], ['literal', [...halls]]] as unknown as ExpressionSpecification;
}
const HALL_STROKE: ExpressionSpecification = ['match', ['get', 'rank'], 2, 2.5, 1, 2, 1];

export function buildStyle(lang: 'zh' | 'en'): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
    {
      id: 'areas-fill',
      type: 'fill',
      source: 'areas',
      paint: { 'fill-color': ['case', selected, '#fff7d6', DISTRICT_FILL], 'fill-opacity': 0.6 },
    },
    {
      // Square cells that tile the grid: no antialiasing, so no hairline seams between neighbours.
      id: 'population',
      type: 'fill',
      source: 'population',
      paint: { 'fill-color': populationColorExpression() as ExpressionSpecification, 'fill-antialias': false },
    },
    // Thin, under the circles: the walking network, when roads are loaded.
    { id: 'roads-line', type: 'line', source: 'roads', paint: { 'line-color': ROAD_COLOR, 'line-width': 0.8, 'line-opacity': 0.8 } },
    { id: 'circles-fill', type: 'fill', source: 'circles', paint: { 'fill-color': byService(), 'fill-opacity': 0.14 } },
    { id: 'circles-line', type: 'line', source: 'circles', paint: { 'line-color': byService(), 'line-width': 2 } },
    {
      id: 'gaps-fill',
      type: 'fill',
      source: 'gaps',
      paint: { 'fill-pattern': GAP_HATCH },
    },
    { id: 'gaps-line', type: 'line', source: 'gaps', paint: { 'line-color': GAP_COLOR, 'line-width': 1.5 } },
    { id: 'gap-selected-casing', type: 'line', source: 'gap-selected', paint: { 'line-color': GAP_SELECTED_CASING, 'line-width': 7 } },
    { id: 'gap-selected-line', type: 'line', source: 'gap-selected', paint: { 'line-color': GAP_SELECTED, 'line-width': 3 } },
    {
      id: 'areas-line',
      type: 'line',
      source: 'areas',
      paint: { 'line-color': ['case', selected, AREA_SELECTED, AREA_LINE], 'line-width': ['case', selected, 4, 1.5] },
    },
    {
      id: 'halls-over',
      type: 'circle',
      source: 'halls',
      filter: overCapacityFilter([]),
      paint: { 'circle-radius': OVER_RADIUS, 'circle-opacity': 0, 'circle-stroke-width': 3, 'circle-stroke-color': OVER_CAPACITY_RING },
    },
    {
      id: 'halls',
      type: 'circle',
      source: 'halls',
      paint: { 'circle-color': byMix(), 'circle-radius': HALL_RADIUS, ...hallPaint(KNOWN_SERVICES) },
    },
    {
      id: 'areas-label',
      type: 'symbol',
      source: 'area-labels',
      layout: { 'text-field': ['get', lang === 'zh' ? 'name' : 'name_en'], 'text-font': LABEL_FONTS, 'text-size': 14, 'text-allow-overlap': false },
      paint: { 'text-color': '#1d232a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
  return {
    version: 8,
    sources: {
      areas: { type: 'geojson', data: EMPTY },
      'area-labels': { type: 'geojson', data: EMPTY },
      population: { type: 'geojson', data: EMPTY },
      halls: { type: 'geojson', data: EMPTY },
      circles: { type: 'geojson', data: EMPTY },
      roads: { type: 'geojson', data: EMPTY },
      gaps: { type: 'geojson', data: EMPTY },
      'gap-selected': { type: 'geojson', data: EMPTY },
    },
    layers,
  };
}

/** The optional OpenStreetMap raster; added only when switched on, so the default view never touches the network. */
export const BASEMAP_SOURCE: RasterSourceSpecification = {
  type: 'raster',
  tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
  tileSize: 256,
  maxzoom: 19,
  attribution: '© OpenStreetMap contributors',
};

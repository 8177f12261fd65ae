import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// MapLibre cannot find its own worker under Vite; same-origin URL keeps CSP strict.
setWorkerUrl(workerUrl);

export function createMap(container: HTMLElement): MapLibreMap {
  return new MapLibreMap({
    container,
    center: [113.93, 22.77],
    zoom: 11,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    style: {
      version: 8,
      sources: { areas: { type: 'geojson', data: 'geo/areas.geojson' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
        { id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': '#d9e4dd', 'fill-opacity': 0.8 } },
        { id: 'areas-line', type: 'line', source: 'areas', paint: { 'line-color': '#5b6770', 'line-width': 1.5 } },
      ],
    },
  });
}

// The map drawn for print (issue 18), for the PNG export and the report:
// loaded with them, so the first page load does not carry it.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CoverageMap } from './coverage-map';

/** The sphere of Web Mercator (EPSG:3857), which sizes MapLibre's pixels on the ground. */
const WEB_MERCATOR_RADIUS_M = 6_378_137;

export interface PrintImage {
  canvas: HTMLCanvasElement;
  /** Ground length of one CSS pixel at the image's centre, for a scale bar. */
  metresPerCssPx: number;
}

// One at a time: each changes the pixel ratio and the view, and puts them back.
let printing: Promise<unknown> = Promise.resolve();

// Everything given to the map is drawn and it rests: what CoverageMap
// publishes as data-map-idle (set to '0' when data is on its way, '1' on the
// idle that follows once all of it is drawn).
async function settled(map: MapLibreMap): Promise<void> {
  while (document.documentElement.dataset.mapIdle !== '1') await new Promise<void>((resolve) => map.once('idle', () => resolve()));
}

/**
 * Shows what one image adds to the map (e.g. a scenario comparison's zones),
 * in its turn, so images printed one after the other do not pick up each
 * other's layers; returns how to take it away again.
 */
export type PrintOverlay = () => Promise<() => void>;

/**
 * Once the map shows everything it was given: draw it at `pixelRatio`
 * canvas pixels per CSS pixel, fitted to `bbox` when given, and copy it to a
 * canvas of its own; the view and pixel ratio are put back afterwards. Null
 * when `wanted` says by then that the image is no longer needed. `overlay`
 * is shown for this image only.
 */
export function printImage(
  shown: CoverageMap,
  pixelRatio: number,
  bbox: [number, number, number, number] | null,
  wanted: () => boolean,
  overlay?: PrintOverlay,
): Promise<PrintImage | null> {
  const map = shown.maplibre;
  const run = printing.then(async () => {
    if (!wanted()) return null;
    const undo = overlay ? await overlay() : null;
    try {
      await settled(map);
      return wanted() ? await draw(map, pixelRatio, bbox) : null;
    } finally {
      undo?.();
    }
  });
  printing = run.catch(() => undefined);
  return run;
}

async function draw(map: MapLibreMap, pixelRatio: number, bbox: [number, number, number, number] | null): Promise<PrintImage> {
  const before = { center: map.getCenter(), zoom: map.getZoom(), ratio: map.getPixelRatio() };
  const drawn = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  map.setPixelRatio(pixelRatio);
  if (bbox) {
    const camera = map.cameraForBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: 24 },
    );
    if (camera) map.jumpTo(camera);
  }
  map.triggerRepaint();
  await drawn;
  const src = map.getCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = src.width;
  canvas.height = src.height;
  canvas.getContext('2d')?.drawImage(src, 0, 0);
  // MapLibre's world is 512 CSS pixels wide at zoom 0.
  const lat = map.getCenter().lat;
  const metresPerCssPx = (2 * Math.PI * WEB_MERCATOR_RADIUS_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
  map.setPixelRatio(before.ratio);
  map.jumpTo({ center: before.center, zoom: before.zoom });
  return { canvas, metresPerCssPx };
}

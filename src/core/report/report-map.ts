// The report's map as an inline SVG drawn from the data: area outlines, gap
// zones hatched, halls coloured by the services they offer, a scale bar and
// a north arrow. Equirectangular at the areas' middle latitude (x = lng ·
// cos(mid lat), y = lat), fitted to the page width: at district scale its
// distortion is far below a line's width. No script, no external reference:
// the hatch is an SVG pattern inside the same SVG.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_M } from '../geo/haversine';
import { serviceMix } from '../services';
import type { GapCollection } from '../types';
import { escapeHtml } from './escape-html';

/** Colours of the map (the app's, src/map/palette.ts, passed in so core stays free of the map code). */
export interface ReportPalette {
  /** Hall fill per service mix (serviceMix in services.ts). */
  mix: Record<string, string>;
  /** Halls offering no known service. */
  noKnown: string;
  gap: string;
  areaLine: string;
  background: string;
  districtFill: string;
}

/** What the map draws; positions are WGS84 degrees. */
export interface ReportMapInput {
  areas: (Polygon | MultiPolygon)[];
  halls: { lng: ArrayLike<number>; lat: ArrayLike<number>; services: string[][]; count: number };
  gaps: GapCollection['features'];
  /** With one service: halls not offering it are drawn hollow and faint, as on the app's map; null: every hall filled. */
  service: string | null;
  palette: ReportPalette;
  /** Accessible name of the map. */
  label: string;
  /** Words drawn inside the map: the north arrow's letter, a distance in km or m. */
  north: string;
  km: (x: string) => string;
  metres: (x: string) => string;
}

/** Halls that do not offer the one service reported: faint fill, ring in their own colour (the app's MUTED_HALL_FILL_OPACITY). */
export const MUTED_FILL_OPACITY = 0.15;

/** SVG user units across the map; the page scales it to its width. */
export const MAP_WIDTH = 680;
const PAD = 16;
/** The tallest the map gets (a tall district is fitted to this instead of the width), so it fits one A4 page. */
export const MAP_MAX_HEIGHT = 820;

interface Frame {
  x: (lng: number) => number;
  y: (lat: number) => number;
  width: number;
  height: number;
  metresPerUnit: number;
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

// The areas' bounding box, fitted to the width (and to MAP_MAX_HEIGHT for tall districts).
function frame(areas: (Polygon | MultiPolygon)[], halls: ReportMapInput['halls']): Frame | null {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  const add = (lng: number, lat: number) => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
    x0 = Math.min(x0, lng);
    x1 = Math.max(x1, lng);
    y0 = Math.min(y0, lat);
    y1 = Math.max(y1, lat);
  };
  for (const g of areas) for (const r of rings(g)) for (const p of r) add(p[0], p[1]);
  if (!(x1 > x0 && y1 > y0)) for (let i = 0; i < halls.count; i++) add(halls.lng[i], halls.lat[i]);
  if (!(x1 > x0 || y1 > y0)) return null;
  const k = Math.cos(((y0 + y1) / 2) * (Math.PI / 180));
  const w = Math.max((x1 - x0) * k, 1e-9),
    h = Math.max(y1 - y0, 1e-9);
  const s = Math.min((MAP_WIDTH - 2 * PAD) / w, (MAP_MAX_HEIGHT - 2 * PAD) / h);
  return {
    x: (lng) => PAD + (lng - x0) * k * s,
    y: (lat) => PAD + (y1 - lat) * s,
    width: MAP_WIDTH,
    height: Math.ceil(h * s + 2 * PAD),
    metresPerUnit: ((Math.PI / 180) * EARTH_RADIUS_M) / s,
  };
}

const num = (v: number) => String(Math.round(v * 10) / 10);

function pathData(g: Polygon | MultiPolygon, f: Frame): string {
  return rings(g)
    .filter((r) => r.length > 0)
    .map((r) => `M${r.map((p) => `${num(f.x(p[0]))} ${num(f.y(p[1]))}`).join('L')}Z`)
    .join('');
}

// The longest 1, 2 or 5 × 10^k metres that fits in a quarter of the map.
function scaleBar(f: Frame, km: (x: string) => string, metres: (x: string) => string): string {
  const maxM = (f.width / 4) * f.metresPerUnit;
  const p = 10 ** Math.floor(Math.log10(maxM));
  const m = [5, 2, 1].map((d) => d * p).find((v) => v <= maxM) ?? p;
  const len = m / f.metresPerUnit;
  const x = PAD,
    y = f.height - PAD;
  const label = m >= 1000 ? km(String(m / 1000)) : metres(String(m));
  return (
    `<g class="scale"><path d="M${num(x)} ${num(y - 5)}V${num(y)}H${num(x + len)}V${num(y - 5)}" fill="none" stroke="#1d232a" stroke-width="1.5"/>` +
    `<text x="${num(x + len / 2)}" y="${num(y - 8)}" text-anchor="middle">${escapeHtml(label)}</text></g>`
  );
}

function northArrow(f: Frame, letter: string): string {
  const x = f.width - PAD - 10,
    y = PAD + 4;
  return (
    `<g class="north"><path d="M${x} ${y}L${x + 7} ${y + 22}L${x} ${y + 17}L${x - 7} ${y + 22}Z" fill="#1d232a"/>` +
    `<text x="${x}" y="${y + 36}" text-anchor="middle">${escapeHtml(letter)}</text></g>`
  );
}

/** The map as one <svg> element (an empty string when there is nothing to place). */
export function reportMapSvg(input: ReportMapInput): string {
  const f = frame(input.areas, input.halls);
  if (f === null) return '';
  const pal = input.palette;
  const out: string[] = [];
  out.push(`<svg class="map" viewBox="0 0 ${f.width} ${f.height}" role="img" aria-label="${escapeHtml(input.label)}">`);
  out.push(
    `<defs><pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="${pal.gap}"/></pattern></defs>`,
  );
  out.push(`<rect width="${f.width}" height="${f.height}" fill="${pal.background}"/>`);
  out.push(`<g class="areas" fill="${pal.districtFill}" fill-rule="evenodd">${input.areas.map((g) => `<path d="${pathData(g, f)}"/>`).join('')}</g>`);
  out.push(
    `<g class="gaps" fill="url(#gap-hatch)" stroke="${pal.gap}" stroke-width="0.6" fill-rule="evenodd">${input.gaps.map((z) => `<path d="${pathData(z.geometry, f)}"/>`).join('')}</g>`,
  );
  out.push(
    `<g class="area-lines" fill="none" stroke="${pal.areaLine}" stroke-width="1.2">${input.areas.map((g) => `<path d="${pathData(g, f)}"/>`).join('')}</g>`,
  );
  const dots: string[] = [];
  for (let i = 0; i < input.halls.count; i++) {
    const x = f.x(input.halls.lng[i]),
      y = f.y(input.halls.lat[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const c = pal.mix[serviceMix(input.halls.services[i])] ?? pal.noKnown;
    const muted = input.service !== null && !input.halls.services[i].includes(input.service);
    dots.push(`<circle cx="${num(x)}" cy="${num(y)}" r="2.6" fill="${c}"${muted ? ` fill-opacity="${MUTED_FILL_OPACITY}" stroke="${c}"` : ''}/>`);
  }
  out.push(`<g class="halls" stroke="#ffffff" stroke-width="0.6">${dots.join('')}</g>`);
  out.push(scaleBar(f, input.km, input.metres), northArrow(f, input.north), '</svg>');
  return out.join('');
}

// A PNG of the map for reports and for the printed report (issue 18): the
// map canvas (MapLibre keeps its drawing buffer, so it can be copied) under a
// title band, with a scale bar and a north arrow on it and the full legend
// below it. Plain 2D canvas drawing, no library.
import { MUTED_HALL_FILL_OPACITY } from '../../map/palette';
import { DIAMOND_EDGE, MARK_OUTLINE, SQUARE_STROKE } from '../../map/compare-marks';

/** 'square' and 'diamond': a scenario comparison's proposed halls of A and of B (map/compare-marks.ts). */
export type LegendSwatch = 'fill' | 'ring' | 'dot' | 'hatch' | 'proposed' | 'suggested' | 'square' | 'diamond';

export interface LegendItem {
  swatch: LegendSwatch;
  color: string; // CSS colour
  label: string; // plain text
  /** A dot's size as a share of the swatch (hall kinds are told apart by size); 0.6 when absent. */
  size?: number;
  /** Drawn hollow and faint (halls that do not offer the chosen service). */
  muted?: boolean;
  /** A hatch with its stripes turned the other way (hatchPixels' `rising`), as the map draws the second of two hatches. */
  rising?: boolean;
}

/** A titled part of the legend, e.g. the population ramp or the halls. */
export interface LegendGroup {
  title: string;
  items: LegendItem[];
}

export interface MapPngSpec {
  title: string; // first line of the band, e.g. "服务圈 · 公共法律服务 · 500 米"
  subtitle: string; // second line: date, data source, coordinate note
  legend: LegendGroup[];
  /** A scale bar (lower left) from the ground length of one CSS pixel, with the words for its length. */
  scaleBar?: { metresPerCssPx: number; km: (x: string) => string; metres: (x: string) => string };
  /** The north arrow's letter (upper right); no arrow when absent. */
  north?: string;
}

const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Height of the title band in CSS pixels (scaled by the canvas's device pixel ratio). */
export const TITLE_BAND_PX = 56;

const ROW = 20; // legend row height, CSS px
const PAD = 12;
const SWATCH = 14;
const GROUP_GAP = 24;

/**
 * Draw the title band, the map (with scale bar and north arrow) and the
 * legend below it onto a new canvas. `scale` is the map canvas's pixels per
 * CSS pixel, so text and lines keep their size at any resolution.
 */
export function composeMapPng(map: HTMLCanvasElement, spec: MapPngSpec, scale: number): HTMLCanvasElement {
  const s = scale > 0 ? scale : 1;
  const band = Math.round(TITLE_BAND_PX * s);
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  const layout = legendLayout(measure, spec.legend, map.width, s);
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height + band + layout.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(map, 0, band);

  ctx.fillStyle = '#1d232a';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 ${18 * s}px ${FONT}`;
  ctx.fillText(spec.title, 12 * s, 24 * s, out.width - 24 * s);
  ctx.font = `${12 * s}px ${FONT}`;
  ctx.fillStyle = '#4a5560';
  ctx.fillText(spec.subtitle, 12 * s, 45 * s, out.width - 24 * s);

  if (spec.scaleBar) drawScaleBar(ctx, spec.scaleBar, map.width, band + map.height, s);
  if (spec.north) drawNorth(ctx, spec.north, map.width, band, s);
  drawLegend(ctx, spec.legend, layout, band + map.height, s);
  return out;
}

/** The longest 1, 2 or 5 × 10^k metres no longer than `maxM`. */
export function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  return [5, 2, 1].map((d) => d * p).find((v) => v <= maxM) ?? p;
}

function drawScaleBar(ctx: CanvasRenderingContext2D, bar: NonNullable<MapPngSpec['scaleBar']>, w: number, bottom: number, s: number): void {
  const cssW = w / s;
  const m = niceLength((cssW / 5) * bar.metresPerCssPx);
  const len = (m / bar.metresPerCssPx) * s;
  const x = PAD * s,
    y = bottom - PAD * s;
  const label = m >= 1000 ? bar.km(String(m / 1000)) : bar.metres(String(m));
  ctx.save();
  ctx.font = `${12 * s}px ${FONT}`;
  const tw = ctx.measureText(label).width;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 4 * s, y - 24 * s, Math.max(len, tw) + 8 * s, 28 * s);
  ctx.strokeStyle = '#1d232a';
  ctx.lineWidth = 2 * s;
  ctx.beginPath();
  ctx.moveTo(x, y - 6 * s);
  ctx.lineTo(x, y);
  ctx.lineTo(x + len, y);
  ctx.lineTo(x + len, y - 6 * s);
  ctx.stroke();
  ctx.fillStyle = '#1d232a';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(label, x + len / 2, y - 9 * s);
  ctx.restore();
}

function drawNorth(ctx: CanvasRenderingContext2D, letter: string, w: number, top: number, s: number): void {
  const x = w - (PAD + 12) * s,
    y = top + PAD * s;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 12 * s, y - 4 * s, 24 * s, 46 * s);
  ctx.fillStyle = '#1d232a';
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 8 * s, y + 24 * s);
  ctx.lineTo(x, y + 18 * s);
  ctx.lineTo(x - 8 * s, y + 24 * s);
  ctx.closePath();
  ctx.fill();
  ctx.font = `600 ${12 * s}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(letter, x, y + 38 * s);
  ctx.restore();
}

interface Placed {
  x: number;
  y: number;
  group: LegendGroup;
  width: number;
}

// Groups flow left to right, each a column of rows, wrapping to a new line of groups when the width is used up.
function legendLayout(ctx: CanvasRenderingContext2D, groups: LegendGroup[], w: number, s: number): { placed: Placed[]; height: number } {
  const placed: Placed[] = [];
  let x = PAD * s,
    y = PAD * s,
    lineH = 0;
  for (const g of groups) {
    if (g.items.length === 0) continue;
    ctx.font = `600 ${12 * s}px ${FONT}`;
    let width = ctx.measureText(g.title).width;
    ctx.font = `${12 * s}px ${FONT}`;
    for (const it of g.items) width = Math.max(width, (SWATCH + 6) * s + ctx.measureText(it.label).width);
    width = Math.min(width, w - 2 * PAD * s);
    const height = ROW * s * (g.items.length + 1);
    if (x > PAD * s && x + width > w - PAD * s) {
      x = PAD * s;
      y += lineH + PAD * s;
      lineH = 0;
    }
    placed.push({ x, y, group: g, width });
    x += width + GROUP_GAP * s;
    lineH = Math.max(lineH, height);
  }
  return { placed, height: placed.length ? Math.ceil(y + lineH + PAD * s) : 0 };
}

function drawLegend(ctx: CanvasRenderingContext2D, groups: LegendGroup[], layout: { placed: Placed[] }, top: number, s: number): void {
  if (groups.length === 0) return;
  ctx.strokeStyle = '#8a949c';
  ctx.lineWidth = s;
  ctx.beginPath();
  ctx.moveTo(0, top + s / 2);
  ctx.lineTo(ctx.canvas.width, top + s / 2);
  ctx.stroke();
  for (const p of layout.placed) {
    ctx.fillStyle = '#1d232a';
    ctx.textBaseline = 'middle';
    ctx.font = `600 ${12 * s}px ${FONT}`;
    ctx.fillText(p.group.title, p.x, top + p.y + (ROW * s) / 2, p.width);
    ctx.font = `${12 * s}px ${FONT}`;
    p.group.items.forEach((it, k) => {
      const cy = top + p.y + ROW * s * (k + 1) + (ROW * s) / 2;
      drawSwatch(ctx, it, p.x + (SWATCH * s) / 2, cy, SWATCH * s, s);
      ctx.fillStyle = '#1d232a';
      ctx.textBaseline = 'middle';
      ctx.fillText(it.label, p.x + (SWATCH + 6) * s, cy, p.width - (SWATCH + 6) * s);
    });
  }
}

function drawSwatch(ctx: CanvasRenderingContext2D, it: LegendItem, cx: number, cy: number, sw: number, s: number): void {
  const r = sw / 2;
  ctx.save();
  ctx.fillStyle = it.color;
  ctx.strokeStyle = it.color;
  switch (it.swatch) {
    case 'fill':
      ctx.fillRect(cx - r, cy - r, sw, sw);
      break;
    case 'hatch':
      ctx.beginPath();
      ctx.rect(cx - r, cy - r, sw, sw);
      ctx.clip();
      ctx.lineWidth = 1.5 * s;
      ctx.beginPath();
      for (let d = -sw; d <= sw; d += 4 * s) {
        ctx.moveTo(cx - r + d, it.rising ? cy - r : cy + r);
        ctx.lineTo(cx - r + d + sw, it.rising ? cy + r : cy - r);
      }
      ctx.stroke();
      ctx.strokeRect(cx - r, cy - r, sw, sw);
      break;
    case 'ring':
      ctx.lineWidth = 2 * s;
      ctx.globalAlpha = 0.14;
      ctx.beginPath();
      ctx.arc(cx, cy, r - s, 0, 2 * Math.PI);
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
      break;
    case 'dot':
      ctx.beginPath();
      ctx.arc(cx, cy, r * (it.size ?? 0.6), 0, 2 * Math.PI);
      if (it.muted) ctx.globalAlpha = MUTED_HALL_FILL_OPACITY;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = s;
      ctx.strokeStyle = it.muted ? it.color : '#ffffff';
      ctx.stroke();
      break;
    case 'proposed':
    case 'suggested':
      // Drawn like the map's proposed-hall marker: white centre, thick coloured ring.
      ctx.fillStyle = '#ffffff';
      ctx.lineWidth = 3 * s;
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      break;
    case 'square': {
      // The map's marker: a frame in the colour, white inside.
      const w = sw * SQUARE_STROKE;
      ctx.fillStyle = MARK_OUTLINE;
      ctx.fillRect(cx - r, cy - r, sw, sw);
      ctx.lineWidth = w;
      ctx.strokeRect(cx - r + w / 2, cy - r + w / 2, sw - w, sw - w);
      break;
    }
    case 'diamond':
      ctx.beginPath();
      ctx.moveTo(cx, cy - r);
      ctx.lineTo(cx + r, cy);
      ctx.lineTo(cx, cy + r);
      ctx.lineTo(cx - r, cy);
      ctx.closePath();
      ctx.fill();
      ctx.lineWidth = s;
      ctx.strokeStyle = DIAMOND_EDGE;
      ctx.stroke();
      break;
  }
  ctx.restore();
}

/** The canvas as PNG bytes. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the map image could not be encoded'))), 'image/png'));
}

/** The canvas as a PNG object URL, decoded before it is handed back so it shows at once; revoke it when done. */
export async function canvasUrl(canvas: HTMLCanvasElement): Promise<string> {
  const url = URL.createObjectURL(await canvasPng(canvas));
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  return url;
}

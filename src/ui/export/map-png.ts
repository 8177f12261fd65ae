// A PNG of the current map for reports: the map canvas (MapLibre keeps its
// drawing buffer, so it can be copied) under a title band, with a legend box
// in the lower right corner. Plain 2D canvas drawing, no library.

export type LegendSwatch = 'fill' | 'ring' | 'dot' | 'hatch' | 'proposed' | 'suggested';

export interface LegendItem {
  swatch: LegendSwatch;
  color: string; // CSS colour
  label: string; // plain text
}

export interface MapPngSpec {
  title: string; // first line of the band, e.g. "服务圈 · 公共法律服务 · 500 米"
  subtitle: string; // second line: date, data source, coordinate note
  legend: LegendItem[];
}

const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Height of the title band in CSS pixels (scaled by the canvas's device pixel ratio). */
export const TITLE_BAND_PX = 56;

/**
 * Draw the map, title band and legend onto a new canvas. `scale` is the map
 * canvas's device pixels per CSS pixel, so text keeps its size on HiDPI screens.
 */
export function composeMapPng(map: HTMLCanvasElement, spec: MapPngSpec, scale: number): HTMLCanvasElement {
  const s = scale > 0 ? scale : 1;
  const band = Math.round(TITLE_BAND_PX * s);
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height + band;
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

  drawLegend(ctx, spec.legend, out.width, out.height, s);
  return out;
}

function drawLegend(ctx: CanvasRenderingContext2D, items: LegendItem[], w: number, h: number, s: number): void {
  if (items.length === 0) return;
  const row = 20 * s;
  const pad = 8 * s;
  const sw = 14 * s; // swatch size
  ctx.font = `${12 * s}px ${FONT}`;
  const textW = Math.max(...items.map((it) => ctx.measureText(it.label).width));
  const boxW = Math.min(w - 2 * pad, pad * 3 + sw + textW);
  const boxH = pad * 2 + row * items.length;
  const x0 = w - boxW - pad;
  const y0 = h - boxH - pad * 3; // above MapLibre's attribution
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(x0, y0, boxW, boxH);
  ctx.strokeStyle = '#8a949c';
  ctx.lineWidth = s;
  ctx.strokeRect(x0, y0, boxW, boxH);
  items.forEach((it, k) => {
    const cx = x0 + pad + sw / 2;
    const cy = y0 + pad + row * k + row / 2;
    drawSwatch(ctx, it, cx, cy, sw, s);
    ctx.fillStyle = '#1d232a';
    ctx.textBaseline = 'middle';
    ctx.fillText(it.label, x0 + pad * 2 + sw, cy, boxW - pad * 3 - sw);
  });
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
        ctx.moveTo(cx - r + d, cy + r);
        ctx.lineTo(cx - r + d + sw, cy - r);
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
      ctx.arc(cx, cy, r * 0.6, 0, 2 * Math.PI);
      ctx.fill();
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
  }
  ctx.restore();
}

/** The canvas as PNG bytes. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the map image could not be encoded'))), 'image/png'));
}

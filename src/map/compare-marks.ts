// The two marker kinds of a scenario comparison's proposed halls (issue 18):
// scenario A's a hollow square, scenario B's a filled diamond, so the two
// sides differ by shape as well as colour, and neither looks like an existing
// hall's round dot. Drawn in code as RGBA pixels (no sprite file), plain TS so
// the legend (ui/export/map-png.ts) draws the same shapes.

/** Side of a marker in CSS pixels. */
export const MARK_CSS_PX = 18;
/** Pixels per CSS pixel of the marker images, so a print at 2× stays sharp. */
export const MARK_PIXEL_RATIO = 2;
/** The square's stroke as a share of its side. */
export const SQUARE_STROKE = 0.2;
/** The outline that separates a marker from any fill beneath it. */
export const MARK_OUTLINE = '#ffffff';
/** The diamond's edge, dark, so a light fill colour reads on the district's white. */
export const DIAMOND_EDGE = '#1d232a';

export type MarkKind = 'square' | 'diamond';

function hex(c: string): [number, number, number] {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * RGBA pixels of a `size`² marker: 'square' a hollow square (a `color` frame of
 * SQUARE_STROKE of the side, white inside, a white rim outside it), 'diamond' a
 * `color` diamond with a dark edge; transparent around both.
 */
export function markPixels(kind: MarkKind, color: string, size = MARK_CSS_PX * MARK_PIXEL_RATIO): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const paint = (x: number, y: number, c: string) => {
    const [r, g, b] = hex(c);
    const o = (y * size + x) * 4;
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
    out[o + 3] = 255;
  };
  const h = size / 2;
  const rim = Math.max(1, Math.round(size * 0.06)); // the outline's width in pixels
  const stroke = Math.max(2, Math.round(size * SQUARE_STROKE));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Distance from the centre in pixel units, measured to the pixel's centre.
      const dx = Math.abs(x + 0.5 - h),
        dy = Math.abs(y + 0.5 - h);
      if (kind === 'square') {
        const d = Math.max(dx, dy); // the square's own "radius"
        if (d < h - rim - stroke) paint(x, y, MARK_OUTLINE);
        else if (d < h - rim) paint(x, y, color);
        else paint(x, y, MARK_OUTLINE);
      } else {
        const d = dx + dy;
        if (d < h - 2 * rim) paint(x, y, color);
        else if (d < h) paint(x, y, DIAMOND_EDGE);
      }
    }
  return out;
}

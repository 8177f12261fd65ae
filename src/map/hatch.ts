// Diagonal hatch images for the gap layer, drawn in code (no sprite file, so
// nothing to fetch offline). A hatch reads as "missing" over any fill and
// still shows the population colours beneath it.

export const HATCH_SIZE = 12; // pixels per tile; 45° stripes 2 px wide every 6 px (along x)

function hex(c: string): [number, number, number] {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * RGBA pixels of a HATCH_SIZE² tile with 45° stripes of `color` covering a third of the tile, transparent between
 * (light enough to show the population beneath). `rising` turns the stripes the other way, so two hatches
 * differ by more than colour (the scenario comparison's two sides).
 */
export function hatchPixels(color: string, rising = false): Uint8Array {
  const [r, g, b] = hex(color);
  const s = HATCH_SIZE;
  const out = new Uint8Array(s * s * 4);
  for (let y = 0; y < s; y++)
    for (let x = 0; x < s; x++) {
      if ((rising ? x + s - y : x + y) % 6 < 2) {
        const o = (y * s + x) * 4;
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
        out[o + 3] = 255;
      }
    }
  return out;
}

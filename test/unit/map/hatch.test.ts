import { describe, expect, it } from 'vitest';
import { HATCH_SIZE, hatchPixels } from '../../../src/map/hatch';

describe('hatchPixels', () => {
  it('paints a third of the tile in the given colour, opaque, and leaves the rest transparent', () => {
    const px = hatchPixels('#d55e00');
    expect(px.length).toBe(HATCH_SIZE * HATCH_SIZE * 4);
    let painted = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 255) {
        painted++;
        expect([px[i], px[i + 1], px[i + 2]]).toEqual([0xd5, 0x5e, 0x00]);
      } else expect(px[i + 3]).toBe(0);
    }
    expect(painted).toBe((HATCH_SIZE * HATCH_SIZE) / 3);
  });
  it('tiles seamlessly: stripes continue across the right and bottom edges', () => {
    const px = hatchPixels('#000000');
    const on = (x: number, y: number) => px[((y % HATCH_SIZE) * HATCH_SIZE + (x % HATCH_SIZE)) * 4 + 3] === 255;
    for (let y = 0; y < HATCH_SIZE; y++) for (let x = 0; x < HATCH_SIZE; x++) expect(on(x + 1, y + 5), `${x},${y}`).toBe(on(x, y + 6));
  });
});

import { describe, expect, it } from 'vitest';
import { DIAMOND_EDGE, MARK_OUTLINE, markPixels } from '../../../src/map/compare-marks';

const SIZE = 36;
const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const at = (px: Uint8Array, x: number, y: number) => Array.from(px.slice((y * SIZE + x) * 4, (y * SIZE + x) * 4 + 4));

describe('markPixels', () => {
  it('square: hollow (white centre), a frame in the colour, a white rim at the edge; fully opaque', () => {
    const px = markPixels('square', '#004488', SIZE);
    expect(px.length).toBe(SIZE * SIZE * 4);
    expect(at(px, SIZE / 2, SIZE / 2)).toEqual([...rgb(MARK_OUTLINE), 255]);
    expect(at(px, 0, SIZE / 2)).toEqual([...rgb(MARK_OUTLINE), 255]);
    expect(at(px, 4, SIZE / 2)).toEqual([0x00, 0x44, 0x88, 255]);
    expect(at(px, SIZE / 2, SIZE - 5)).toEqual([0x00, 0x44, 0x88, 255]);
    let frame = 0;
    for (let i = 3; i < px.length; i += 4) {
      expect(px[i]).toBe(255);
      if (px[i - 3] === 0x00 && px[i - 2] === 0x44 && px[i - 1] === 0x88) frame++;
    }
    // A frame of width w around a square: side² − (side − 2w)², here with the rim outside it.
    expect(frame).toBeGreaterThan(SIZE * SIZE * 0.3);
    expect(frame).toBeLessThan(SIZE * SIZE * 0.7);
  });
  it('diamond: filled in the colour at the centre, a dark edge, transparent in the corners; symmetric', () => {
    const px = markPixels('diamond', '#ddaa33', SIZE);
    expect(at(px, SIZE / 2, SIZE / 2)).toEqual([0xdd, 0xaa, 0x33, 255]);
    expect(at(px, 0, 0)[3]).toBe(0);
    expect(at(px, SIZE - 1, SIZE - 1)[3]).toBe(0);
    expect(at(px, 1, SIZE / 2)).toEqual([...rgb(DIAMOND_EDGE), 255]);
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) expect(at(px, x, y), `${x},${y}`).toEqual(at(px, SIZE - 1 - y, x));
    let filled = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] === 0xdd && px[i + 1] === 0xaa && px[i + 2] === 0x33) filled++;
    // A diamond is half its bounding square; its edge takes a little of that.
    expect(filled).toBeGreaterThan(SIZE * SIZE * 0.25);
    expect(filled).toBeLessThan(SIZE * SIZE * 0.5);
  });
});

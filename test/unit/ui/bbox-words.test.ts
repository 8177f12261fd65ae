import { describe, expect, it } from 'vitest';
import { bboxWords } from '../../../src/ui/planning/bbox-words';

describe('bboxWords', () => {
  it('gives Guangming’s extent as degrees and about 15 × 14 km', () => {
    expect(bboxWords([113.85, 22.7, 114.0, 22.83])).toEqual({ w: '113.850', e: '114.000', s: '22.700', n: '22.830', kx: '15.4', ky: '14.5' });
  });
  it('shrinks the east–west km with latitude (cos φ) and not the north–south km', () => {
    const eq = bboxWords([0, -0.05, 1, 0.05]);
    const north = bboxWords([0, 59.95, 1, 60.05]);
    expect(Number(north.kx)).toBeCloseTo(Number(eq.kx) / 2, 0);
    expect(north.ky).toBe(eq.ky);
  });
});

import { describe, expect, it } from 'vitest';
import { minifyCached } from '../../../scripts/minify-maplibre';

describe('minifyCached (terser over MapLibre at build time)', () => {
  const code = `/**\n* MapLibre GL JS\n* @license 3-Clause BSD.\n*/\nexport function area(width, height) { const product = width * height; return product; }\nexport const unused = 1 + 2;\n`;

  it('keeps the licence comment and the behaviour, and makes the code smaller', async () => {
    const out = await minifyCached(code);
    expect(out).toContain('@license 3-Clause BSD.');
    expect(out.length).toBeLessThan(code.length);
    const mod = await import(`data:text/javascript,${encodeURIComponent(out)}`);
    expect(mod.area(3, 4)).toBe(12);
    expect(mod.unused).toBe(3);
  });

  it('gives the same bytes again (from its cache) for the same input', async () => {
    expect(await minifyCached(code)).toBe(await minifyCached(code));
  });
});

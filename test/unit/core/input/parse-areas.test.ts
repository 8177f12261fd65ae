import { describe, expect, it } from 'vitest';
import { parseAreas } from '../../../../src/core/input/parse-areas';
import { rect } from '../../helpers/coverage-reference';
import { inputErrorMessage } from '../../helpers/input-error-message';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const message = inputErrorMessage;

describe('parseAreas', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf'])('says the name field %s is missing, not that a built-in function is not a name', (field) => {
    expect(message(() => parseAreas(fc([rect('A', [113.9, 22.7, 113.91, 22.71])]), { file: 'a.geojson', field }))).toBe(
      `a.geojson: feature 0, field "${field}": area name is missing`,
    );
  });
  it('names the first broken feature in file order, whatever is wrong with the later ones', () => {
    const unnamed = { ...rect('x', [113.9, 22.7, 113.91, 22.71]), properties: {} };
    expect(message(() => parseAreas(fc([unnamed, 'x']), { file: 'a.geojson' }))).toBe('a.geojson: feature 0, field "name": area name is missing');
  });
  it('reads names in file order from a configurable field, Polygon and MultiPolygon', () => {
    const a = rect('A', [113.9, 22.7, 113.91, 22.71]);
    a.properties = { 街道: '光明街道' };
    const b = {
      type: 'Feature',
      properties: { 街道: 2 },
      geometry: { type: 'MultiPolygon', coordinates: [rect('x', [114, 22, 114.1, 22.1]).geometry.coordinates] },
    };
    const s = parseAreas(fc([a, b]), { file: 'a', field: '街道' });
    expect(s.names).toEqual(['光明街道', '2']);
    expect(s.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'MultiPolygon']);
  });

  it('rejects a missing name, a Point, an open ring and swapped coordinates', () => {
    const noName = rect('A', [113.9, 22.7, 113.91, 22.71]);
    noName.properties = {};
    expect(message(() => parseAreas(fc([noName]), { file: 'a.geojson' }))).toBe('a.geojson: feature 0, field "name": area name is missing');
    expect(
      message(() => parseAreas(fc([{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [1, 2] } }]), { file: 'a.geojson' })),
    ).toBe('a.geojson: feature 0: wrong geometry type Point, areas must be Polygon or MultiPolygon');
    expect(
      message(() =>
        parseAreas(
          fc([
            {
              type: 'Feature',
              properties: { name: 'x' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [1, 2],
                    [2, 2],
                    [1, 2],
                  ],
                ],
              },
            },
          ]),
          { file: 'a.geojson' },
        ),
      ),
    ).toBe('a.geojson: feature 0: polygon ring has fewer than 4 positions');
    expect(message(() => parseAreas(fc([rect('s', [22.7, 113.9, 22.71, 113.91])]), { file: 'a.geojson' }))).toMatch(/feature 0: coordinates look swapped/);
  });
});

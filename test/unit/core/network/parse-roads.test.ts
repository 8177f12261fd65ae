import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../../src/core/crs/crs';
import { parseRoads } from '../../../../src/core/network/parse-roads';
import { inputErrorMessage as message } from '../../helpers/input-error-message';
import { BAD_ROADS, fc, line } from '../../helpers/bad-roads';

describe('parseRoads', () => {
  it('keeps LineString and MultiLineString lines in file order with their feature', () => {
    const multi = {
      type: 'Feature',
      properties: null,
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [113.9, 22.7],
            [113.91, 22.7],
          ],
          [
            [113.92, 22.7],
            [113.92, 22.71],
            [113.93, 22.71],
          ],
        ],
      },
    };
    const r = parseRoads(
      fc([
        line([
          [113.8, 22.6],
          [113.81, 22.6],
        ]),
        multi,
      ]),
      { file: 'r.geojson' },
    );
    expect(r.lineCount).toBe(3);
    expect([...r.lineStart]).toEqual([0, 2, 4, 7]);
    expect([...r.lineFeature]).toEqual([0, 1, 1]);
    expect([...r.lng]).toEqual([113.8, 113.81, 113.9, 113.91, 113.92, 113.92, 113.93]);
  });

  it('converts GCJ-02 positions to WGS84 with the shared CRS helpers', () => {
    const r = parseRoads(
      fc([
        line([
          [113.93, 22.75],
          [113.94, 22.75],
        ]),
      ]),
      { file: 'r', crs: 'gcj02' },
    );
    expect([r.lng[0], r.lat[0]]).toEqual(toWgs84(113.93, 22.75, 'gcj02'));
  });

  it.each(BAD_ROADS)('refuses $name with one located line', ({ text, message: expected }) => {
    expect(message(() => parseRoads(text, { file: 'roads.geojson' }))).toBe(expected('roads.geojson'));
  });
});

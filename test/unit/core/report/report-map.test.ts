// The report's map: an equirectangular frame at the areas' middle latitude,
// fitted to the width, whose scale bar measures true distance.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../../src/core/geo/haversine';
import { serviceMix } from '../../../../src/core/services';
import { MAP_MAX_HEIGHT, MAP_WIDTH, reportMapSvg, type ReportMapInput } from '../../../../src/core/report/report-map';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const PALETTE = {
  mix: { petition: '#D55E00', 'petition+legal-aid': '#56B4E9' },
  noKnown: '#999999',
  gap: '#7a0019',
  areaLine: '#37424a',
  background: '#f4f1ea',
  districtFill: '#ffffff',
};

function map(areas: Polygon[], halls: { lng: number; lat: number; services: string[] }[] = [], service: string | null = null): string {
  const input: ReportMapInput = {
    areas,
    halls: { count: halls.length, lng: halls.map((h) => h.lng), lat: halls.map((h) => h.lat), services: halls.map((h) => h.services) },
    gaps: [],
    service,
    palette: PALETTE,
    label: 'map',
    north: 'N',
    km: (x) => `${x} km`,
    metres: (x) => `${x} m`,
  };
  return reportMapSvg(input);
}

// The first subpath's x extent in SVG units.
function xExtent(d: string): number {
  const xs = [...d.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1]));
  return Math.max(...xs) - Math.min(...xs);
}

describe('reportMapSvg', () => {
  it.each([
    [22.75, 0.2, 0.1],
    [22.75, 0.02, 0.05],
    [60, 1, 0.3],
  ])(
    'at %f° N a %f° × %f° area fills the width (a tall one the height), and the scale bar measures the same metres as the haversine across it',
    (lat, w, h) => {
      const svg = map([box(113.9, lat - h / 2, 113.9 + w, lat + h / 2)]);
      const outline = /<g class="area-lines"[^>]*><path d="([^"]*)"/.exec(svg)![1];
      const width = xExtent(outline);
      const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1]);
      if (h > w) expect(height).toBe(MAP_MAX_HEIGHT);
      else expect(width).toBeCloseTo(MAP_WIDTH - 32, 0);
      expect(height).toBeLessThanOrEqual(MAP_MAX_HEIGHT);
      const bar = /<g class="scale"><path d="M([\d.]+) [\d.]+V[\d.]+H([\d.]+)V[\d.]+"[^>]*\/><text[^>]*>([\d.]+) (km|m)<\/text>/.exec(svg)!;
      const barUnits = Number(bar[2]) - Number(bar[1]);
      const barM = Number(bar[3]) * (bar[4] === 'km' ? 1000 : 1);
      // East–west along the middle parallel: the frame's x is lng · cos(mid lat).
      const acrossM = ((w * Math.PI) / 180) * 6371008.8 * Math.cos((lat * Math.PI) / 180);
      expect(Math.abs(barM / barUnits - acrossM / width) / (acrossM / width)).toBeLessThan(0.005);
      // A short chord along the parallel agrees with the haversine to well under a line's width.
      expect(Math.abs(haversineM(113.9, lat, 113.9 + w / 100, lat) - acrossM / 100) / (acrossM / 100)).toBeLessThan(1e-3);
      expect(barUnits).toBeLessThanOrEqual(MAP_WIDTH / 4);
      expect(String(barM)).toMatch(/^[125]0*$/);
    },
  );

  it('puts north up: a hall further north is drawn higher', () => {
    const svg = map(
      [box(113.9, 22.7, 114, 22.8)],
      [
        { lng: 113.95, lat: 22.71, services: [] },
        { lng: 113.95, lat: 22.79, services: [] },
      ],
    );
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys[1]).toBeLessThan(ys[0]);
  });

  it('colours a hall by the mix of known services it offers, others grey', () => {
    expect(serviceMix(['legal-aid', 'x', 'petition'])).toBe('petition+legal-aid');
    expect(serviceMix(['x'])).toBe('');
    const svg = map(
      [box(113.9, 22.7, 114, 22.8)],
      [
        { lng: 113.95, lat: 22.75, services: ['legal-aid', 'petition'] },
        { lng: 113.96, lat: 22.75, services: ['x'] },
      ],
    );
    expect([...svg.matchAll(/<circle [^>]*fill="([^"]*)"/g)].map((m) => m[1])).toEqual(['#56B4E9', '#999999']);
  });

  it('with one service, draws the halls not offering it hollow and faint in their own colour', () => {
    const svg = map(
      [box(113.9, 22.7, 114, 22.8)],
      [
        { lng: 113.95, lat: 22.75, services: ['petition'] },
        { lng: 113.96, lat: 22.75, services: ['legal-aid', 'petition'] },
      ],
      'legal-aid',
    );
    const dots = [...svg.matchAll(/<circle [^>]*\/>/g)].map((m) => m[0]);
    expect(dots[0]).toMatch(/fill="#D55E00" fill-opacity="0.15" stroke="#D55E00"/);
    expect(dots[1]).not.toContain('fill-opacity');
  });

  it('is empty when there is nothing to place', () => {
    expect(map([])).toBe('');
  });
});

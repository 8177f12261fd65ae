// The report's content model: one area's report keeps that area's row, the
// district total and that area's gaps only; the whole district keeps all.
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation, statsReport } from '../../../../src/core/index';
import { reportContent, reportPeople, type ReportContentInput } from '../../../../src/core/report/report-content';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (x: number, y: number, p: Record<string, unknown>) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [x, y] } });
const box = (name: string, x0: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, 22.7],
        [x0 + 0.1, 22.7],
        [x0 + 0.1, 22.8],
        [x0, 22.8],
        [x0, 22.7],
      ],
    ],
  },
});
const areas = parseAreas(fc([box('West', 113.8), box('East', 113.9)]), { file: 'areas.geojson' });
const halls = parseHalls(fc([pt(113.85, 22.75, { name: 'A', services: ['petition'] })]), { file: 'halls.geojson' });
const population = parsePopulation(fc([pt(113.85, 22.75, { population: 7 }), pt(113.95, 22.75, { population: 1200 }), pt(113.81, 22.71, { population: 3 })]), {
  file: 'population.geojson',
});
const engine = new CoverageEngine(halls, population, areas);
const opts = { radiusM: 500, services: ['petition'] };

function input(over: Partial<ReportContentInput> = {}): ReportContentInput {
  return {
    stats: statsReport(engine, opts),
    gaps: engine.gaps(opts),
    name: 'x.geojson',
    date: '2026-12-06',
    sample: false,
    files: [{ name: 'x.geojson', crs: 'gcj02' }],
    lang: 'en',
    ...over,
  };
}

describe('reportContent', () => {
  it("holds every area, then the total, with the engine's numbers as printed", () => {
    const c = reportContent(input());
    const stats = statsReport(engine, opts);
    expect(c.table.rows.map((r) => r.head)).toEqual(['West', 'East', 'District total']);
    expect(c.table.rows.map((r) => r.cells.find((x) => x.col === 'population')!.text)).toEqual([
      ...stats.areas.map((a) => reportPeople(a.population)),
      reportPeople(stats.total.population),
    ]);
    expect(c.gaps.rows.map((r) => r.cells[0].text).sort()).toEqual(['East', 'West']);
    expect(c.notes[1]).toContain('x.geojson (GCJ-02) converted to WGS84');
    expect(c.method).toHaveLength(5);
  });

  it('for one area keeps its row, the district total and its own gaps, and names it in the title', () => {
    const c = reportContent(input({ area: 'East' }));
    expect(c.title).toBe('Service coverage report: x.geojson, East');
    expect(c.table.rows.map((r) => r.head)).toEqual(['East', 'District total']);
    expect(c.gaps.rows.map((r) => r.cells[0].text)).toEqual(['East']);
    expect(c.gaps.rows[0].cells.find((x) => x.col === 'people')!.text).toBe('1,200');
  });
});

// The report builder's own rules: how numbers print, which note and
// distance rule it states, and an empty gap list.
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation, statsReport } from '../../../../src/core';
import { reportHtml, reportPeople, reportShare, type ReportInput } from '../../../../src/core/report/report-html';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (x: number, y: number, p: Record<string, unknown>) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [x, y] } });
const areas = parseAreas(
  fc([
    {
      type: 'Feature',
      properties: { name: 'Near' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.9, 22.7],
            [114, 22.7],
            [114, 22.8],
            [113.9, 22.8],
            [113.9, 22.7],
          ],
        ],
      },
    },
  ]),
  { file: 'areas.geojson' },
);
const halls = parseHalls(fc([pt(113.95, 22.75, { name: 'A', services: ['petition'] })]), { file: 'halls.geojson' });
const population = parsePopulation(fc([pt(113.95, 22.75, { population: 7 })]), { file: 'population.geojson' });
const engine = new CoverageEngine(halls, population, areas);

function input(over: Partial<ReportInput> = {}): ReportInput {
  const opts = { radiusM: 500, services: ['petition'] };
  return {
    stats: statsReport(engine, opts),
    gaps: engine.gaps(opts),
    areas,
    halls,
    name: 'halls.geojson',
    date: '2026-12-06',
    sample: false,
    files: [{ name: 'halls.geojson', crs: 'wgs84' }],
    lang: 'zh',
    palette: { mix: {}, noKnown: '#999999', gap: '#7a0019', areaLine: '#37424a', background: '#f4f1ea', districtFill: '#ffffff' },
    ...over,
  };
}

describe('report numbers', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1095289, '1,095,289'],
    [1234.56, '1,234.6'],
    [0.04, '0.0'],
  ])('people %f print as %s', (x, s) => expect(reportPeople(x)).toBe(s));

  it('shares print as percentages with one decimal, as the district table shows them', () => {
    expect(reportShare(0.8734)).toBe('87.3%');
    expect(reportShare(1)).toBe('100.0%');
    expect(reportShare(0)).toBe('0.0%');
  });
});

describe('reportHtml', () => {
  it("titles own data by its name and the date, and says the numbers are the files'", () => {
    const html = reportHtml(input());
    expect(html).toContain('<h1>halls.geojson：服务覆盖报告</h1>');
    expect(html).toContain('报告日期：2026-12-06');
    expect(html).toContain('数据来自所给文件（halls.geojson）');
    expect(html).not.toContain('模拟');
  });

  it("names the sample in the report's language when the name is null", () => {
    expect(reportHtml(input({ name: null, sample: true, lang: 'en' }))).toContain('<h1>Service coverage report: Guangming sample data</h1>');
  });

  it('states walking distance when the stats are along a road network', () => {
    const i = input();
    const html = reportHtml({ ...i, stats: { ...i.stats, distance: 'network' }, lang: 'en' });
    expect(html).toContain('Distance: walking distance along the road network');
    expect(html).not.toContain('haversine');
  });

  it('says there are no gaps when every person is covered', () => {
    const html = reportHtml(input());
    expect(html).toContain('<p>在此半径下没有覆盖缺口。</p>');
    expect(html).not.toContain('<table class="gaps">');
  });
});

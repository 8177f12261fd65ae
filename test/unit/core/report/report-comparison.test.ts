import { describe, expect, it } from 'vitest';
import { reportComparison, signedPeople, signedPoints } from '../../../../src/core/report/report-comparison';
import type { ComparedArea, ScenarioComparison, ScenarioFigures } from '../../../../src/core/planning/scenario-compare';
import { OUTSIDE_AREAS } from '../../../../src/core/types';

const fig = (covered: number, population: number, served?: number, over?: number): ScenarioFigures => ({
  covered,
  share: covered / population,
  ...(served !== undefined && { served, over_capacity: over }),
});
const minus = (x: ScenarioFigures, y: ScenarioFigures): ScenarioFigures => ({
  covered: y.covered - x.covered,
  share: y.share - x.share,
  ...(x.served !== undefined && { served: y.served! - x.served, over_capacity: y.over_capacity! - x.over_capacity! }),
});
function area(name: string, population: number, a: ScenarioFigures, b: ScenarioFigures, aAll: ScenarioFigures, bAll: ScenarioFigures): ComparedArea {
  return { name, population, a: { petition: a, all: aAll }, b: { petition: b, all: bAll }, diff: { petition: minus(a, b), all: minus(aAll, bAll) } };
}
const comparison = (capacity: boolean): ScenarioComparison => {
  const f = (c: number, p: number, s: number, o: number) => (capacity ? fig(c, p, s, o) : fig(c, p));
  return {
    radius_m: 500,
    services: ['petition'],
    keys: ['petition', 'all'],
    capacity,
    areas: [
      area('West', 10_000, f(4_000, 10_000, 3_000, 1_000), f(6_500, 10_000, 6_000, 500), fig(4_000, 10_000), fig(6_500, 10_000)),
      area(OUTSIDE_AREAS, 200, f(10.25, 200, 10.25, 0), f(10.25, 200, 10.25, 0), fig(10.25, 200), fig(10.25, 200)),
    ],
    total: area('', 10_200, f(4_010.25, 10_200, 3_010.25, 1_000), f(6_510.25, 10_200, 6_010.25, 500), fig(4_010.25, 10_200), fig(6_510.25, 10_200)),
  };
};

describe('reportComparison', () => {
  it('prints covered people and share in A, B and B − A per area and for the total, with the report’s number formats', () => {
    const r = reportComparison({ comparison: comparison(false), key: 'petition', aName: '北片', bName: '南片', lang: 'zh' });
    expect(r.heading).toBe('方案对比：南片 与 北片');
    expect(r.coverage.head).toEqual(['区域', 'A 覆盖人口', 'B 覆盖人口', 'B − A 人口', 'A 覆盖率', 'B 覆盖率', 'B − A 百分点']);
    expect(r.coverage.rows.map((x) => [x.head, x.total, ...x.cells.map((c) => c.text)])).toEqual([
      ['West', false, '4,000', '6,500', '+2,500', '40.0%', '65.0%', '+25.0'],
      ['区域外', false, '10.3', '10.3', '±0', '5.1%', '5.1%', '±0.0'],
      ['全区合计', true, '4,010.3', '6,510.3', '+2,500', '39.3%', '63.8%', '+24.5'],
    ]);
    expect(r.capacity).toBeNull();
  });

  it('adds served and over capacity in A, B and B − A when the halls carry capacities, for one service only', () => {
    const r = reportComparison({ comparison: comparison(true), key: 'petition', aName: 'Today', bName: 'Plan B', lang: 'en' });
    expect(r.capacity?.head).toEqual(['Area', 'A served', 'B served', 'B − A served', 'A over capacity', 'B over capacity', 'B − A over capacity']);
    expect(r.capacity?.rows[0].cells.map((c) => c.text)).toEqual(['3,000', '6,000', '+3,000', '1,000', '500', '−500']);
    expect(r.capacity?.rows[2].head).toBe('District total');
    expect(reportComparison({ comparison: comparison(true), key: 'all', aName: 'A', bName: 'B', lang: 'en' }).capacity).toBeNull();
    expect(() => reportComparison({ comparison: comparison(true), key: 'legal-aid', aName: 'A', bName: 'B', lang: 'en' })).toThrow(/no key/);
  });

  it('signs differences with a true minus and ± for nothing, rounding as the report does', () => {
    expect([signedPeople(1234), signedPeople(-56), signedPeople(0), signedPeople(0.04), signedPeople(-0.5)]).toEqual(['+1,234', '−56', '±0', '±0.0', '−0.5']);
    expect([signedPoints(0.025), signedPoints(-0.003), signedPoints(0.0004)]).toEqual(['+2.5', '−0.3', '±0.0']);
  });
});

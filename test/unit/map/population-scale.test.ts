import { describe, expect, it } from 'vitest';
import { scaleThreshold } from 'd3-scale';
import {
  POPULATION_BREAKS,
  POPULATION_COLORS,
  groupBreakDivisor,
  populationBreaks,
  populationClasses,
  populationColorExpression,
  populationScale,
} from '../../../src/map/population-scale';

// Evaluate the MapLibre step expression by hand: ['step', input, c0, b1, c1, …].
function evalStep(expr: unknown[], p: number): string {
  let out = expr[2] as string;
  for (let k = 3; k < expr.length; k += 2) if (p >= (expr[k] as number)) out = expr[k + 1] as string;
  return out;
}

describe('populationScale', () => {
  it('has one colour more than breaks', () => {
    expect(POPULATION_COLORS.length).toBe(POPULATION_BREAKS.length + 1);
  });
  it('gives the map expression and the d3 scale the same class for every count, breaks included', () => {
    const expr = populationColorExpression();
    for (let p = 0; p <= 700; p += 0.5) expect(evalStep(expr, p), `p=${p}`).toBe(populationScale(p));
  });
  it("gives d3's scaleThreshold class for every count, breaks included, and the legend its invertExtent", () => {
    const d3 = scaleThreshold<number, string>().domain(POPULATION_BREAKS).range(POPULATION_COLORS);
    for (let p = 0; p <= 700; p += 0.25) expect(populationScale(p), `p=${p}`).toBe(d3(p));
    expect(populationClasses().map((c) => [c.from, c.to])).toEqual(POPULATION_COLORS.map((c) => d3.invertExtent(c).map((v, i) => v ?? (i ? null : 0))));
  });
  it('lists contiguous legend classes from 0 with an open top class', () => {
    const classes = populationClasses();
    expect(classes[0].from).toBe(0);
    for (let k = 1; k < classes.length; k++) expect(classes[k].from).toBe(classes[k - 1].to);
    expect(classes.at(-1)?.to).toBeNull();
    expect(classes.map((c) => c.color)).toEqual(POPULATION_COLORS);
  });
});

describe('a group of people on breaks of its own', () => {
  it('divides the breaks by the power of ten nearest to the share, and never for everyone or a share of 1 or more', () => {
    expect(groupBreakDivisor(1)).toBe(1);
    expect(groupBreakDivisor(1.5)).toBe(1);
    expect(groupBreakDivisor(0)).toBe(1);
    expect(groupBreakDivisor(Number.NaN)).toBe(1);
    expect(groupBreakDivisor(0.4)).toBe(1); // log10 = -0.40: nearer 1 than 1/10
    expect(groupBreakDivisor(0.3)).toBe(10); // -0.52
    expect(groupBreakDivisor(0.04)).toBe(10); // -1.40
    expect(groupBreakDivisor(0.03)).toBe(100); // -1.52
  });
  it('keeps round breaks: everyone’s over 10 and 100', () => {
    expect(populationBreaks(10)).toEqual([1, 2.5, 5, 10, 20]);
    expect(populationBreaks(100)).toEqual([0.1, 0.25, 0.5, 1, 2]);
  });
  it("gives the map expression, the scale, d3's scaleThreshold and the legend the same classes on divided breaks", () => {
    for (const divisor of [10, 100]) {
      const breaks = populationBreaks(divisor);
      const d3 = scaleThreshold<number, string>().domain(breaks).range(POPULATION_COLORS);
      const expr = populationColorExpression('d:age65', divisor);
      expect(expr[1]).toEqual(['get', 'd:age65']);
      for (let p = 0; p <= 700 / divisor; p += 0.25 / divisor) {
        expect(populationScale(p, divisor), `p=${p}`).toBe(d3(p));
        expect(evalStep(expr, p), `p=${p}`).toBe(d3(p));
      }
      expect(populationClasses(divisor).map((c) => [c.from, c.to])).toEqual(
        POPULATION_COLORS.map((c) => d3.invertExtent(c).map((v, i) => v ?? (i ? null : 0))),
      );
    }
  });
});

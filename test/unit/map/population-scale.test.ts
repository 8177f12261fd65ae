import { describe, expect, it } from 'vitest';
import { scaleThreshold } from 'd3-scale';
import { POPULATION_BREAKS, POPULATION_COLORS, populationClasses, populationColorExpression, populationScale } from '../../../src/map/population-scale';

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

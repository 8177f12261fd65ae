// Classes of the population layer: people per hectare (人/公顷), the
// feature property `d`, which for the sample's 100 m grid is the people of
// one cell. Other grids (imported points get cells of their own spacing, or
// coarser ones when dense) are converted to the same density, so a colour
// means the same crowding on every grid. Breaks are fixed, round
// numbers near the sample's quantiles (≈ 10th, 30th, 45th, 65th, 95th
// percentile) so a legend reads the same for every view. Colours: viridis
// (perceptually uniform, colour-blind safe), reversed so dense places are
// darker, and mixed 45 % with white so the circles, gaps and halls drawn on
// top stay readable; lightness still falls steadily from class to class.
// The classes are d3's scaleThreshold rule written out (tested against it):
// d3-scale is one module, so importing it here would put all of it that the
// lazily loaded distance chart uses into the first load.
// A group of people (e.g. 65+, a tenth of everyone) on everyone's breaks
// would fall almost wholly in the lowest class, so a group's breaks are
// everyone's divided by the power of ten nearest to the group's share of the
// people (1, 2.5, 5, 10, 20 for a tenth): round numbers again, and a colour
// means the same crowding relative to the group's size.

export const POPULATION_BREAKS = [10, 25, 50, 100, 200]; // people per hectare
export const POPULATION_COLORS = ['#fef287', '#b6e69f', '#86cfbb', '#8ab5c1', '#9798bd', '#9873a1'];

/** What a group's breaks are divided by: the power of ten nearest to its share of everyone (1 for everyone, an empty group or a share above 1). */
export function groupBreakDivisor(share: number): number {
  if (!(share > 0) || share >= 1) return 1;
  return 10 ** Math.max(0, -Math.round(Math.log10(share)));
}

/** The breaks in people per hectare, everyone's divided by `divisor` (groupBreakDivisor). */
export function populationBreaks(divisor = 1): number[] {
  return POPULATION_BREAKS.map((b) => b / divisor);
}

/** Colour class of a cell's density (people per hectare), shared by the map expression and the legend: a break belongs to the class above it. */
export function populationScale(d: number, divisor = 1): string {
  const breaks = populationBreaks(divisor);
  let k = 0;
  while (k < breaks.length && d >= breaks[k]) k++;
  return POPULATION_COLORS[k];
}

export interface LegendClass {
  from: number; // people per hectare, inclusive
  to: number | null; // exclusive; null = no upper bound
  color: string;
}

/** The classes in ascending order, as the legend lists them. */
export function populationClasses(divisor = 1): LegendClass[] {
  const breaks = populationBreaks(divisor);
  return POPULATION_COLORS.map((color, k) => ({ from: k === 0 ? 0 : breaks[k - 1], to: breaks[k] ?? null, color }));
}

/** MapLibre `step` expression equivalent to populationScale on the feature property `prop` (people per hectare: `d`, or a group's `d:<field>`), breaks divided by `divisor`. */
export function populationColorExpression(prop = 'd', divisor = 1): unknown[] {
  const expr: unknown[] = ['step', ['get', prop], POPULATION_COLORS[0]];
  populationBreaks(divisor).forEach((b, k) => expr.push(b, POPULATION_COLORS[k + 1]));
  return expr;
}

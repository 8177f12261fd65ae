// Where the chart of distances to the nearest hall is sampled: an even grid
// from 0 to a little beyond the radius and the largest preset, plus the
// radius and the presets themselves, so the curve's value there is the
// engine's share at exactly that radius (not read off between two samples).

/** Samples of the grid: enough for a smooth curve in a panel-wide chart, few enough to compute on every radius change. */
export const CHART_STEPS = 60;

/** The x axis' end, metres: 1.25 × the larger of the radius and the largest mark, rounded up to 250 m, at least 1 500 m. */
export function chartEnd(radiusM: number, marks: readonly number[]): number {
  const far = Math.max(radiusM, ...marks);
  return Math.max(1500, Math.ceil((far * 1.25) / 250) * 250);
}

/** The radii to ask the worker for: the grid of `steps` steps of whole metres over [0, end] and the data table's rows (radius and marks among them); ascending, no repeats. */
export function chartRadii(radiusM: number, marks: readonly number[], steps = CHART_STEPS): number[] {
  const end = chartEnd(radiusM, marks);
  const grid = Array.from({ length: steps + 1 }, (_, k) => Math.round((end * k) / steps));
  return [...new Set([...grid, ...tableRadii(radiusM, marks)])].sort((a, b) => a - b);
}

/** Rows of the chart's data table: every `step` metres up to the end (100 m, or 250 m past 2 500 m), the radius and the marks; ascending, no repeats. */
export function tableRadii(radiusM: number, marks: readonly number[]): number[] {
  const end = chartEnd(radiusM, marks);
  const step = end > 2500 ? 250 : 100;
  const rows: number[] = [];
  for (let r = step; r <= end; r += step) rows.push(r);
  return [...new Set([...rows, radiusM, ...marks])].sort((a, b) => a - b);
}

// The report's comparison of two scenarios (issue 18), as plain text in its
// final form, like report-content.ts: per area, covered people and share in A,
// B and B − A, and with capacities the people served and over capacity in A, B
// and B − A. The numbers are a ScenarioComparison's (two full engine runs);
// this only words and formats them. Pure data: every string is data text.
import { ALL_KEY } from '../services';
import { OUTSIDE_AREAS } from '../types';
import type { ComparedArea, ScenarioComparison, ScenarioFigures } from '../planning/scenario-compare';
import { reportPeople, reportServiceName, reportShare, type ReportRow, type ReportTable } from './report-content';
import { REPORT_STRINGS, type ReportLang } from './report-strings';

const zh = {
  heading: (a: string, b: string) => `方案对比：${b} 与 ${a}`,
  caption: (svc: string, radius: string) => `${svc}，半径 ${radius} 米；B − A 为两次完整计算之差`,
  coveredA: 'A 覆盖人口',
  coveredB: 'B 覆盖人口',
  coveredDiff: 'B − A 人口',
  shareA: 'A 覆盖率',
  shareB: 'B 覆盖率',
  shareDiff: 'B − A 百分点',
  servedA: 'A 可服务',
  servedB: 'B 可服务',
  servedDiff: 'B − A 可服务',
  overA: 'A 超负荷',
  overB: 'B 超负荷',
  overDiff: 'B − A 超负荷',
};
const en: typeof zh = {
  heading: (a: string, b: string) => `Scenarios compared: ${b} against ${a}`,
  caption: (svc: string, radius: string) => `${svc}, radius ${radius} m; B − A is the difference of two full runs`,
  coveredA: 'A covered',
  coveredB: 'B covered',
  coveredDiff: 'B − A people',
  shareA: 'A share',
  shareB: 'B share',
  shareDiff: 'B − A points',
  servedA: 'A served',
  servedB: 'B served',
  servedDiff: 'B − A served',
  overA: 'A over capacity',
  overB: 'B over capacity',
  overDiff: 'B − A over capacity',
};
export const COMPARISON_STRINGS: Record<ReportLang, typeof zh> = { zh, en };

export interface ReportComparisonInput {
  comparison: ScenarioComparison;
  /** The key shown: a service of the comparison, or 'all'. */
  key: string;
  /** The two scenarios' names as the planner gave them (today's in the report's language). */
  aName: string;
  bName: string;
  lang: ReportLang;
}

export interface ReportComparison {
  heading: string;
  caption: string;
  /** Covered people and share: A, B, B − A. */
  coverage: ReportTable;
  /** Served and over capacity: A, B, B − A; null without capacities or for all services (capacity is per service). */
  capacity: ReportTable | null;
}

/** A signed difference: "+1,234", "−56", "±0". */
export function signedPeople(d: number): string {
  const text = reportPeople(Math.abs(d));
  return (/^[0.,]+$/.test(text) ? '±' : d > 0 ? '+' : '−') + text;
}

/** A difference of shares in percentage points with one decimal: "+2.5", "−0.3", "±0.0". */
export function signedPoints(d: number): string {
  const v = Math.abs(d * 100).toFixed(1);
  return (v === '0.0' ? '±' : d > 0 ? '+' : '−') + v;
}

/** The comparison as the report prints it, in its language. */
export function reportComparison(input: ReportComparisonInput): ReportComparison {
  const { comparison: c, key, lang } = input;
  if (!c.keys.includes(key)) throw new Error(`the comparison has no key ${key}`);
  const t = COMPARISON_STRINGS[lang];
  const r = REPORT_STRINGS[lang];
  const areaName = (n: string) => (n === OUTSIDE_AREAS ? r.outsideAreas : n);
  const all: [string, ComparedArea, boolean][] = [
    ...c.areas.map((a): [string, ComparedArea, boolean] => [areaName(a.name), a, false]),
    [r.total, c.total, true],
  ];
  type Col = [name: string, value: (s: ScenarioFigures) => number, text: (v: number) => string, diff: (v: number) => string];
  // One table: per area, A, B and B − A of each quantity (the column keys are `<name>:a|b|diff`).
  const table = (head: string[], cols: Col[]): ReportTable => ({
    head: [r.colArea, ...head],
    rows: all.map(([name, a, total]): ReportRow => ({
      head: name,
      total,
      cells: cols.flatMap(([col, value, text, diff]) => [
        { col: `${col}:a`, text: text(value(a.a[key])) },
        { col: `${col}:b`, text: text(value(a.b[key])) },
        { col: `${col}:diff`, text: diff(value(a.diff[key])) },
      ]),
    })),
  });
  const coverage = table(
    [t.coveredA, t.coveredB, t.coveredDiff, t.shareA, t.shareB, t.shareDiff],
    [
      ['covered', (s) => s.covered, reportPeople, signedPeople],
      ['share', (s) => s.share, reportShare, signedPoints],
    ],
  );
  const withCapacity = c.capacity && key !== ALL_KEY && c.total.a[key].served !== undefined;
  const capacity: ReportTable | null = withCapacity
    ? table(
        [t.servedA, t.servedB, t.servedDiff, t.overA, t.overB, t.overDiff],
        [
          ['served', (s) => s.served ?? 0, reportPeople, signedPeople],
          ['over', (s) => s.over_capacity ?? 0, reportPeople, signedPeople],
        ],
      )
    : null;
  return {
    heading: t.heading(input.aName, input.bName),
    caption: t.caption(reportServiceName(lang, key), String(c.radius_m)),
    coverage,
    capacity,
  };
}

// The report's comparison of two scenarios (issue 18), as plain text in its
// final form, like report-content.ts: per area, covered people and share in A,
// B and B − A, and with capacities the people served and over capacity in A, B
// and B − A. The numbers are a ScenarioComparison's (two full engine runs);
// this only words and formats them. Pure data: every string is data text.
import { ALL_KEY } from '../services';
import { OUTSIDE_AREAS } from '../types';
import type { ComparedArea, ScenarioComparison } from '../planning/scenario-compare';
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
  const coverage: ReportTable = {
    head: [r.colArea, t.coveredA, t.coveredB, t.coveredDiff, t.shareA, t.shareB, t.shareDiff],
    rows: all.map(([head, a, total]): ReportRow => {
      const [x, y, d] = [a.a[key], a.b[key], a.diff[key]];
      return {
        head,
        total,
        cells: [
          { col: 'covered:a', text: reportPeople(x.covered) },
          { col: 'covered:b', text: reportPeople(y.covered) },
          { col: 'covered:diff', text: signedPeople(d.covered) },
          { col: 'share:a', text: reportShare(x.share) },
          { col: 'share:b', text: reportShare(y.share) },
          { col: 'share:diff', text: signedPoints(d.share) },
        ],
      };
    }),
  };
  const withCapacity = c.capacity && key !== ALL_KEY && c.total.a[key].served !== undefined;
  const capacity: ReportTable | null = withCapacity
    ? {
        head: [r.colArea, t.servedA, t.servedB, t.servedDiff, t.overA, t.overB, t.overDiff],
        rows: all.map(([head, a, total]): ReportRow => {
          const [x, y, d] = [a.a[key], a.b[key], a.diff[key]];
          return {
            head,
            total,
            cells: [
              { col: 'served:a', text: reportPeople(x.served ?? 0) },
              { col: 'served:b', text: reportPeople(y.served ?? 0) },
              { col: 'served:diff', text: signedPeople(d.served ?? 0) },
              { col: 'over:a', text: reportPeople(x.over_capacity ?? 0) },
              { col: 'over:b', text: reportPeople(y.over_capacity ?? 0) },
              { col: 'over:diff', text: signedPeople(d.over_capacity ?? 0) },
            ],
          };
        }),
      }
    : null;
  return {
    heading: t.heading(input.aName, input.bName),
    caption: t.caption(reportServiceName(lang, key), String(c.radius_m)),
    coverage,
    capacity,
  };
}

// The text of --report: the core's report builder (src/core/report/) fed
// with this run's results, the app's colours, the data set's name and
// today's date. Only the naming of the data set is the CLI's own.
import { basename, sep } from 'node:path';
import { DATA_ROLES, type AreaSet, type Crs, type GapCollection, type HallSet, type Stats } from '../core';
import { reportHtml } from '../core/report/report-html';
import type { ReportLang } from '../core/report/report-strings';
import { AREA_LINE, BACKGROUND, DISTRICT_FILL, GAP_COLOR, MIX_COLORS, NO_KNOWN_SERVICE } from '../core/report/palette';
import { realTarget } from './write-outputs';

/** The embedded sample's files, as the project ships them. */
const SAMPLE_DIR = `${sep}public${sep}geo${sep}`;

/** True when halls, population and areas are the sample's three files in one public/geo folder. */
export function isSampleInputs(inputs: { halls: string; population: string; areas: string }): boolean {
  const paths = DATA_ROLES.map((k) => ({ k, real: realTarget(inputs[k]) }));
  const dirs = new Set(paths.map((p) => p.real.slice(0, p.real.lastIndexOf(sep) + 1)));
  return dirs.size === 1 && [...dirs][0].endsWith(SAMPLE_DIR) && paths.every((p) => basename(p.real) === `${p.k}.geojson`);
}

export interface ReportRun {
  stats: Stats;
  gaps: GapCollection;
  halls: HallSet;
  areas: AreaSet;
  files: { path: string; crs: Crs }[];
  hallsPath: string;
  sample: boolean;
  lang: ReportLang;
  /** The report's date, YYYY-MM-DD. */
  date: string;
}

/** The report as one HTML document. */
export function reportFile(run: ReportRun): string {
  return reportHtml({
    stats: run.stats,
    gaps: run.gaps,
    areas: run.areas,
    halls: run.halls,
    name: run.sample ? null : basename(run.hallsPath),
    date: run.date,
    sample: run.sample,
    files: run.files.map((f) => ({ name: basename(f.path), crs: f.crs })),
    lang: run.lang,
    palette: { mix: MIX_COLORS, noKnown: NO_KNOWN_SERVICE, gap: GAP_COLOR, areaLine: AREA_LINE, background: BACKGROUND, districtFill: DISTRICT_FILL },
  });
}

/** Today on this machine's clock and time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

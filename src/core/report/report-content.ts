// What the printable report says (issue 18), as plain text in its final
// form: headings, notes, the district table's cells, the largest gaps, the
// method. The CLI's HTML file (report-html.ts) and the app's report view
// (src/ui/report/) both render this one model, so their words and numbers
// cannot drift apart. Pure data: every string is data text, for the renderer
// to escape or put in a text node.
import { area as turfArea } from '@turf/turf';
import { gapKey } from '../coverage/gap-key';
import { ALL_KEY } from '../services';
import { SERVICE_NAMES } from '../services';
import { OUTSIDE_AREAS, type AreaStats, type Crs, type GapCollection, type Stats } from '../types';
import { CRS_NAME, REPORT_STRINGS, type ReportLang, type ReportStrings } from './report-strings';

/** How many gap zones the report lists. */
export const REPORT_GAPS = 10;

export interface ReportContentInput {
  stats: Stats;
  /** The engine's gap zones for the same options (every service and 'all'); the report shows the key's (gap-key.ts). */
  gaps: GapCollection;
  /** The data set's name, for the title; null: the sample's name in the report's language. */
  name: string | null;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  /** The embedded sample (its modelled parts are named in the data note). */
  sample: boolean;
  /** Input files as given to the run, each with the coordinate system it was declared in. */
  files: { name: string; crs: Crs }[];
  lang: ReportLang;
  /** One area (a name of stats.areas) to report on: its row and the total, its gaps; absent: the whole district. */
  area?: string;
}

/** One table cell: its column key (stable across languages, for tests and styling) and its text. */
export interface ReportCell {
  col: string;
  text: string;
}

export interface ReportRow {
  /** The row's heading: an area's name, or the total's. */
  head: string;
  cells: ReportCell[];
  total: boolean;
}

export interface ReportTable {
  head: string[];
  rows: ReportRow[];
}

export interface ReportContent {
  lang: ReportLang;
  htmlLang: string;
  title: string;
  date: string;
  dataHeading: string;
  /** The data note: sample or own files, then the coordinate systems. */
  notes: string[];
  settingsHeading: string;
  /** Services, radius, distance rule, and the target where one is set. */
  settings: string[];
  mapHeading: string;
  /** Name of the key the map and the gap list show (a service, or all services). */
  keyName: string;
  /** The radius as printed, e.g. "500 米". */
  radius: string;
  tableHeading: string;
  table: ReportTable;
  gapsHeading: string;
  /** The largest gaps, most people first; empty: `noGaps` says so. */
  gaps: ReportTable;
  noGaps: string;
  methodHeading: string;
  /** The method in five lines: distance rule, radius, areal weighting, first area, CRS. */
  method: string[];
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** People as the report prints them: whole numbers exactly, others to one decimal; thousands separated by commas. */
export function reportPeople(x: number): string {
  const s = Number.isInteger(x) ? String(x) : x.toFixed(1);
  const [whole, frac] = s.split('.');
  return group(whole) + (frac === undefined ? '' : `.${frac}`);
}

/** A share 0–1 as the district table shows it: a percentage with one decimal. */
export function reportShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A service's name in the report's language ('all' as "all services"; unknown services as given). */
export function reportServiceName(lang: ReportLang, s: string): string {
  if (s === ALL_KEY) return REPORT_STRINGS[lang].allServices;
  return Object.hasOwn(SERVICE_NAMES[lang], s) ? SERVICE_NAMES[lang][s] : s;
}

// One block's cells: population, halls, then per service (halls, covered, share), then all.
function cells(a: Omit<AreaStats, 'name'>, stats: Stats): ReportCell[] {
  const keys = stats.services.length > 1 ? [...stats.services, ALL_KEY] : stats.services;
  const out: ReportCell[] = [{ col: 'population', text: reportPeople(a.population) }];
  if (stats.services.length > 1) out.push({ col: 'halls', text: String(a.halls.total) });
  for (const k of keys) {
    if (k !== ALL_KEY) out.push({ col: `halls:${k}`, text: String(a.halls.byService[k] ?? 0) });
    out.push({ col: `covered:${k}`, text: reportPeople(a.covered[k]) }, { col: `share:${k}`, text: reportShare(a.share[k]) });
  }
  const key = gapKey(stats.services);
  out.push({ col: `uncovered:${key}`, text: reportPeople(a.population - a.covered[key]) });
  return out;
}

function districtTable(input: ReportContentInput, t: ReportStrings): ReportTable {
  const { stats, lang } = input;
  const several = stats.services.length > 1;
  const keys = several ? [...stats.services, ALL_KEY] : stats.services;
  const head = [t.colArea, t.colPopulation];
  if (several) head.push(t.colHalls);
  for (const k of keys) {
    const n = reportServiceName(lang, k);
    if (k !== ALL_KEY) head.push(t.colHallsOf(n));
    head.push(t.colCovered(n), t.colShare(n));
  }
  head.push(several ? t.colUncoveredAll : t.colUncovered(reportServiceName(lang, stats.services[0] ?? '')));
  const areaName = (n: string) => (n === OUTSIDE_AREAS ? t.outsideAreas : n);
  const areas = input.area === undefined ? stats.areas : stats.areas.filter((a) => a.name === input.area);
  const rows = areas.map((a) => ({ head: areaName(a.name), cells: cells(a, stats), total: false }));
  rows.push({ head: t.total, cells: cells(stats.total, stats), total: true });
  return { head, rows };
}

function gapTable(input: ReportContentInput, t: ReportStrings, key: string): ReportTable {
  const zones = input.gaps.features
    .filter((z) => z.properties.service === key && (input.area === undefined || z.properties.area === input.area))
    .slice(0, REPORT_GAPS);
  const head = [t.colRank, t.colGapArea, t.colGapSize, t.colGapPeople, t.colGapNearest];
  const rows = zones.map((z) => {
    const p = z.properties;
    const near = p.nearest_hall_m;
    return {
      head: String(p.rank),
      cells: [
        { col: 'area', text: p.area === OUTSIDE_AREAS ? t.outsideAreas : p.area },
        { col: 'size', text: (turfArea(z) / 10_000).toFixed(1) },
        { col: 'people', text: reportPeople(p.population) },
        { col: 'nearest', text: near === null || !Number.isFinite(near) ? t.noHall : reportPeople(Math.round(near)) },
      ],
      total: false,
    };
  });
  return { head, rows };
}

/** Everything the report says, in its language. */
export function reportContent(input: ReportContentInput): ReportContent {
  const { stats, lang } = input;
  const t = REPORT_STRINGS[lang];
  const key = gapKey(stats.services);
  const keyName = reportServiceName(lang, key);
  const network = stats.distance === 'network';
  const radius = t.metres(String(stats.radius_m));
  const converted = input.files
    .filter((f) => f.crs !== 'wgs84')
    .map((f) => t.crsConverted(f.name, CRS_NAME[f.crs]))
    .join(t.listSeparator);
  const note = input.sample ? t.sampleNote : t.ownNote(input.files.map((f) => f.name).join(t.listSeparator));
  const settings = [t.servicesLine(stats.services.map((s) => reportServiceName(lang, s)).join(t.listSeparator)), t.radiusLine(radius), t.distanceLine(network)];
  if (stats.target !== undefined) settings.push(t.targetLine(reportShare(stats.target)));
  const name = input.name ?? t.sampleName;
  const areaName = input.area === OUTSIDE_AREAS ? t.outsideAreas : input.area;
  return {
    lang,
    htmlLang: t.htmlLang,
    title: areaName === undefined ? t.title(name) : t.areaTitle(name, areaName),
    date: t.date(input.date),
    dataHeading: t.dataHeading,
    notes: [note, t.crsNote(converted)],
    settingsHeading: t.settingsHeading,
    settings,
    mapHeading: t.mapHeading,
    keyName,
    radius,
    tableHeading: t.tableHeading,
    table: districtTable(input, t),
    gapsHeading: t.gapsHeading(keyName),
    gaps: gapTable(input, t, key),
    noGaps: t.noGaps,
    methodHeading: t.methodHeading,
    method: [t.methodDistance(network), t.methodRadius(radius, stats.services.length > 1), t.methodAreal, t.methodFirstArea, t.methodCrs],
  };
}

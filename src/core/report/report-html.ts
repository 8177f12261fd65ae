// The printable coverage report (issue 18) as one self-contained HTML page:
// inline CSS for A4 (@page, page numbers from CSS counters), the map as an
// inline SVG, the district table, the largest gaps and the method. No
// script, no external resource, and its own CSP says so, so it opens and
// prints anywhere. Every piece of data text passes through escapeHtml.
// A pure function of the engine's results: the CLI (--report) and the page
// build the same report.
import { area as turfArea } from '@turf/turf';
import { gapKey } from '../coverage/gap-key';
import { ALL_KEY } from '../services';
import { OUTSIDE_AREAS, type AreaSet, type AreaStats, type Crs, type GapCollection, type Stats } from '../types';
import { escapeHtml } from './escape-html';
import { SERVICE_NAMES, serviceMix } from '../services';
import { MUTED_FILL_OPACITY, reportMapSvg, type ReportMapInput, type ReportPalette } from './report-map';
import { CRS_NAME, REPORT_STRINGS, type ReportLang, type ReportStrings } from './report-strings';

/** The policy the report declares for itself: styles inline, nothing fetched, nothing run. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** How many gap zones the report lists. */
export const REPORT_GAPS = 10;

export interface ReportInput {
  stats: Stats;
  /** The engine's gap zones for the same options (every service and 'all'); the report shows the key's (gap-key.ts). */
  gaps: GapCollection;
  areas: AreaSet;
  halls: ReportMapInput['halls'];
  /** The data set's name, for the title; null: the sample's name in the report's language. */
  name: string | null;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  /** The embedded sample (its modelled parts are named in the data note). */
  sample: boolean;
  /** Input files as given to the run, each with the coordinate system it was declared in. */
  files: { name: string; crs: Crs }[];
  lang: ReportLang;
  palette: ReportPalette;
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

function serviceName(lang: ReportLang, t: ReportStrings, s: string): string {
  if (s === ALL_KEY) return t.allServices;
  return Object.hasOwn(SERVICE_NAMES[lang], s) ? SERVICE_NAMES[lang][s] : s;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4a5560; } }
html { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d232a; font-size: 10pt; line-height: 1.4; }
body { margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 1mm 0; }
.date { color: #4a5560; }
.note { background: #fff6dc; border-left: 3pt solid #e69f00; padding: 1.5mm 2.5mm; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 0.5pt solid #b8bec4; padding: 1mm 1.2mm; text-align: right; vertical-align: bottom; }
th:first-child, td:first-child { text-align: left; }
tbody th { white-space: nowrap; font-weight: normal; text-align: left; }
table.gaps td[data-col="area"], table.gaps th:nth-child(2) { text-align: left; }
tr.total th { font-weight: 600; border-top: 1pt solid #1d232a; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tr.total td { font-weight: 600; border-top: 1pt solid #1d232a; }
.map-block { break-inside: avoid; }
svg.map { display: block; width: 100%; height: auto; }
svg.map text { font-size: 12px; fill: #1d232a; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 1mm 5mm; padding: 0; margin: 2mm 0 0; font-size: 8pt; }
.legend svg { width: 12px; height: 12px; vertical-align: -2px; margin-right: 1.5mm; }
ol.method { margin: 1mm 0; padding-left: 5mm; }
@media screen { body { padding: 10mm; } }
`;

// One block's cells: population, halls, then per service (halls, covered, share), then all.
function cells(a: Omit<AreaStats, 'name'>, stats: Stats): string {
  const keys = stats.services.length > 1 ? [...stats.services, ALL_KEY] : stats.services;
  const td = (col: string, text: string) => `<td data-col="${escapeHtml(col)}">${text}</td>`;
  const out = [td('population', reportPeople(a.population))];
  if (stats.services.length > 1) out.push(td('halls', String(a.halls.total)));
  for (const k of keys) {
    if (k !== ALL_KEY) out.push(td(`halls:${k}`, String(a.halls.byService[k] ?? 0)));
    out.push(td(`covered:${k}`, reportPeople(a.covered[k])), td(`share:${k}`, reportShare(a.share[k])));
  }
  const key = gapKey(stats.services);
  out.push(td(`uncovered:${key}`, reportPeople(a.population - a.covered[key])));
  return out.join('');
}

function districtTable(input: ReportInput, t: ReportStrings): string {
  const { stats, lang } = input;
  const several = stats.services.length > 1;
  const keys = several ? [...stats.services, ALL_KEY] : stats.services;
  const th = (text: string) => `<th scope="col">${escapeHtml(text)}</th>`;
  const head = [th(t.colArea), th(t.colPopulation)];
  if (several) head.push(th(t.colHalls));
  for (const k of keys) {
    const n = serviceName(lang, t, k);
    if (k !== ALL_KEY) head.push(th(t.colHallsOf(n)));
    head.push(th(t.colCovered(n)), th(t.colShare(n)));
  }
  head.push(th(several ? t.colUncoveredAll : t.colUncovered(serviceName(lang, t, stats.services[0] ?? ''))));
  const areaName = (n: string) => (n === OUTSIDE_AREAS ? t.outsideAreas : n);
  const rows = stats.areas.map((a) => `<tr><th scope="row" data-col="area">${escapeHtml(areaName(a.name))}</th>${cells(a, stats)}</tr>`);
  rows.push(`<tr class="total"><th scope="row" data-col="area">${escapeHtml(t.total)}</th>${cells(stats.total, stats)}</tr>`);
  return `<table class="districts"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function gapTable(input: ReportInput, t: ReportStrings, key: string): string {
  const zones = input.gaps.features.filter((z) => z.properties.service === key).slice(0, REPORT_GAPS);
  if (zones.length === 0) return `<p>${escapeHtml(t.noGaps)}</p>`;
  const head = [t.colRank, t.colGapArea, t.colGapSize, t.colGapPeople, t.colGapNearest].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = zones.map((z) => {
    const p = z.properties;
    const ha = turfArea(z) / 10_000;
    const near = p.nearest_hall_m;
    const nearText = near === null || !Number.isFinite(near) ? t.noHall : reportPeople(Math.round(near));
    const area = p.area === OUTSIDE_AREAS ? t.outsideAreas : p.area;
    return `<tr><td data-col="rank">${p.rank}</td><td data-col="area">${escapeHtml(area)}</td><td data-col="size">${ha.toFixed(1)}</td><td data-col="people">${reportPeople(p.population)}</td><td data-col="nearest">${escapeHtml(nearText)}</td></tr>`;
  });
  return `<table class="gaps"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function swatch(inner: string): string {
  return `<svg viewBox="0 0 12 12" aria-hidden="true">${inner}</svg>`;
}

function legend(input: ReportInput, t: ReportStrings, keyName: string): string {
  const pal = input.palette;
  const items = [`<li>${swatch(`<rect x="1" y="1" width="10" height="10" fill="${pal.districtFill}" stroke="${pal.areaLine}" stroke-width="1.5"/>`)}${escapeHtml(t.legendAreas)}</li>`];
  items.push(`<li>${swatch(`<path d="M-1 5L5 -1M-1 11L11 -1M5 13L13 5" stroke="${pal.gap}" stroke-width="1.6"/><rect x="0.5" y="0.5" width="11" height="11" fill="none" stroke="${pal.gap}"/>`)}${escapeHtml(t.legendGaps(keyName))}</li>`);
  const mixes = new Set<string>();
  for (let i = 0; i < input.halls.count; i++) mixes.add(serviceMix(input.halls.services[i]));
  const present = [...Object.keys(pal.mix).filter((m) => mixes.has(m)), ...(mixes.has('') || [...mixes].some((m) => m !== '' && !Object.hasOwn(pal.mix, m)) ? [''] : [])];
  const hallItems = present.map((m) => {
    const c = m === '' ? pal.noKnown : pal.mix[m];
    const label = m === '' ? t.legendOther : m.split('+').map((s) => serviceName(input.lang, t, s)).join(t.listSeparator);
    return `<li>${swatch(`<circle cx="6" cy="6" r="4.5" fill="${c}" stroke="#ffffff"/>`)}${escapeHtml(label)}</li>`;
  });
  const single = input.stats.services.length === 1 ? input.stats.services[0] : null;
  if (single !== null && Array.from({ length: input.halls.count }, (_, i) => input.halls.services[i]).some((s) => !s.includes(single))) {
    hallItems.push(`<li>${swatch(`<circle cx="6" cy="6" r="4.5" fill="${pal.noKnown}" fill-opacity="${MUTED_FILL_OPACITY}" stroke="${pal.noKnown}"/>`)}${escapeHtml(t.legendMuted(keyName))}</li>`);
  }
  return `<ul class="legend">${items.join('')}<li>${escapeHtml(t.legendHalls)}:</li>${hallItems.join('')}</ul>`;
}

/** The whole report, one HTML document. */
export function reportHtml(input: ReportInput): string {
  const { stats, lang } = input;
  const t = REPORT_STRINGS[lang];
  const key = gapKey(stats.services);
  const keyName = serviceName(lang, t, key);
  const network = stats.distance === 'network';
  const radius = t.metres(String(stats.radius_m));
  const converted = input.files.filter((f) => f.crs !== 'wgs84').map((f) => t.crsConverted(f.name, CRS_NAME[f.crs])).join(t.listSeparator);
  const note = input.sample ? t.sampleNote : t.ownNote(input.files.map((f) => f.name).join(t.listSeparator));
  const settings = [t.servicesLine(stats.services.map((s) => serviceName(lang, t, s)).join(t.listSeparator)), t.radiusLine(radius), t.distanceLine(network)];
  if (stats.target !== undefined) settings.push(t.targetLine(reportShare(stats.target)));
  const map = reportMapSvg({
    areas: input.areas.features.map((f) => f.geometry),
    halls: input.halls,
    gaps: input.gaps.features.filter((z) => z.properties.service === key),
    service: stats.services.length === 1 ? stats.services[0] : null,
    palette: input.palette,
    label: t.mapLabel(keyName, radius),
    north: t.north,
    km: t.km,
    metres: t.metres,
  });
  const method = [t.methodDistance(network), t.methodRadius(radius, stats.services.length > 1), t.methodAreal, t.methodFirstArea, t.methodCrs];
  const title = t.title(input.name ?? t.sampleName);
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  return `<!DOCTYPE html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="date">${escapeHtml(t.date(input.date))}</p></header>
<section class="data"><h2>${escapeHtml(t.dataHeading)}</h2><div class="note">${p(note)}${p(t.crsNote(converted))}</div></section>
<section class="settings"><h2>${escapeHtml(t.settingsHeading)}</h2>${settings.map(p).join('')}</section>
<section class="map-block"><h2>${escapeHtml(t.mapHeading)}</h2>${map}${legend(input, t, keyName)}</section>
<section class="table"><h2>${escapeHtml(t.tableHeading)}</h2>${districtTable(input, t)}</section>
<section class="gap-list"><h2>${escapeHtml(t.gapsHeading(keyName))}</h2>${gapTable(input, t, key)}</section>
<section class="method"><h2>${escapeHtml(t.methodHeading)}</h2><ol class="method">${method.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ol></section>
</body>
</html>
`;
}

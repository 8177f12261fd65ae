// The printable coverage report (issue 18) as one self-contained HTML page:
// inline CSS for A4 (@page, page numbers from CSS counters), the map as an
// inline SVG, the district table, the largest gaps and the method. No
// script, no external resource, and its own CSP says so, so it opens and
// prints anywhere. Every piece of data text passes through escapeHtml.
// A pure function of the engine's results: the CLI (--report) and the page
// build the same report.
import { gapKey } from '../coverage/gap-key';
import { type AreaSet } from '../types';
import { escapeHtml } from './escape-html';
import { serviceMix } from '../services';
import { reportContent, reportServiceName, type ReportContentInput, type ReportTable } from './report-content';
import { MUTED_FILL_OPACITY, reportMapSvg, type ReportMapInput, type ReportPalette } from './report-map';
import { REPORT_FONT, REPORT_STRINGS, type ReportStrings } from './report-strings';

export { REPORT_GAPS, reportPeople, reportShare } from './report-content';

/** The policy the report declares for itself: styles inline, nothing fetched, nothing run. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ReportInput extends ReportContentInput {
  areas: AreaSet;
  halls: ReportMapInput['halls'];
  palette: ReportPalette;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4a5560; } }
html { font-family: ${REPORT_FONT}; color: #1d232a; font-size: 10pt; line-height: 1.4; }
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

function districtTable(table: ReportTable): string {
  const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = table.rows.map((r) => {
    const cells = r.cells.map((c) => `<td data-col="${escapeHtml(c.col)}">${escapeHtml(c.text)}</td>`).join('');
    return `<tr${r.total ? ' class="total"' : ''}><th scope="row" data-col="area">${escapeHtml(r.head)}</th>${cells}</tr>`;
  });
  return `<table class="districts"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function gapTable(table: ReportTable, none: string): string {
  if (table.rows.length === 0) return `<p>${escapeHtml(none)}</p>`;
  const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = table.rows.map(
    (r) =>
      `<tr><td data-col="rank">${escapeHtml(r.head)}</td>${r.cells.map((c) => `<td data-col="${escapeHtml(c.col)}">${escapeHtml(c.text)}</td>`).join('')}</tr>`,
  );
  return `<table class="gaps"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function swatch(inner: string): string {
  return `<svg viewBox="0 0 12 12" aria-hidden="true">${inner}</svg>`;
}

function legend(input: ReportInput, t: ReportStrings, keyName: string): string {
  const pal = input.palette;
  const items = [
    `<li>${swatch(`<rect x="1" y="1" width="10" height="10" fill="${pal.districtFill}" stroke="${pal.areaLine}" stroke-width="1.5"/>`)}${escapeHtml(t.legendAreas)}</li>`,
  ];
  items.push(
    `<li>${swatch(`<path d="M-1 5L5 -1M-1 11L11 -1M5 13L13 5" stroke="${pal.gap}" stroke-width="1.6"/><rect x="0.5" y="0.5" width="11" height="11" fill="none" stroke="${pal.gap}"/>`)}${escapeHtml(t.legendGaps(keyName))}</li>`,
  );
  const mixes = new Set<string>();
  for (let i = 0; i < input.halls.count; i++) mixes.add(serviceMix(input.halls.services[i]));
  const present = [
    ...Object.keys(pal.mix).filter((m) => mixes.has(m)),
    ...(mixes.has('') || [...mixes].some((m) => m !== '' && !Object.hasOwn(pal.mix, m)) ? [''] : []),
  ];
  const hallItems = present.map((m) => {
    const c = m === '' ? pal.noKnown : pal.mix[m];
    const label =
      m === ''
        ? t.legendOther
        : m
            .split('+')
            .map((s) => reportServiceName(input.lang, s))
            .join(t.listSeparator);
    return `<li>${swatch(`<circle cx="6" cy="6" r="4.5" fill="${c}" stroke="#ffffff"/>`)}${escapeHtml(label)}</li>`;
  });
  const single = input.stats.services.length === 1 ? input.stats.services[0] : null;
  if (single !== null && Array.from({ length: input.halls.count }, (_, i) => input.halls.services[i]).some((s) => !s.includes(single))) {
    hallItems.push(
      `<li>${swatch(`<circle cx="6" cy="6" r="4.5" fill="${pal.noKnown}" fill-opacity="${MUTED_FILL_OPACITY}" stroke="${pal.noKnown}"/>`)}${escapeHtml(t.legendMuted(keyName))}</li>`,
    );
  }
  return `<ul class="legend">${items.join('')}<li>${escapeHtml(t.legendHalls)}:</li>${hallItems.join('')}</ul>`;
}

/** The whole report, one HTML document. */
export function reportHtml(input: ReportInput): string {
  const c = reportContent(input);
  const t = REPORT_STRINGS[c.lang];
  const key = gapKey(input.stats.services);
  const map = reportMapSvg({
    areas: input.areas.features.map((f) => f.geometry),
    halls: input.halls,
    gaps: input.gaps.features.filter((z) => z.properties.service === key),
    service: input.stats.services.length === 1 ? input.stats.services[0] : null,
    palette: input.palette,
    label: t.mapLabel(c.keyName, c.radius),
    north: t.north,
    km: t.km,
    metres: t.metres,
  });
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  return `<!DOCTYPE html>
<html lang="${c.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(c.title)}</h1><p class="date">${escapeHtml(c.date)}</p></header>
<section class="data"><h2>${escapeHtml(c.dataHeading)}</h2><div class="note">${c.notes.map(p).join('')}</div></section>
<section class="settings"><h2>${escapeHtml(c.settingsHeading)}</h2>${c.settings.map(p).join('')}</section>
<section class="map-block"><h2>${escapeHtml(c.mapHeading)}</h2>${map}${legend(input, t, c.keyName)}</section>
<section class="table"><h2>${escapeHtml(c.tableHeading)}</h2>${districtTable(c.table)}</section>
<section class="gap-list"><h2>${escapeHtml(c.gapsHeading)}</h2>${gapTable(c.gaps, c.noGaps)}</section>
<section class="method"><h2>${escapeHtml(c.methodHeading)}</h2><ol class="method">${c.method.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ol></section>
</body>
</html>
`;
}

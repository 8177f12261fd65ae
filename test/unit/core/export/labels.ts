// CSV labels for the export tests, built as the page builds them.
import { csvLabels, type CsvTitle } from '../../../../src/ui/export/csv-labels';
import { type Lang, loadPlanningStrings, loadStrings, STRINGS } from '../../../../src/ui/i18n';
import type { CsvLabels } from '../../../../src/core/export/csv-labels';
import { gapKey } from '../../../../src/core/coverage/gap-key';

// English is a chunk the page fetches when it first shows it.
await loadStrings('en');

// The export tool's strings, fetched with the tool in the page.
await loadPlanningStrings();

export function labelsFor(lang: Lang, services: string[], kind: CsvTitle['kind'] = 'gaps'): CsvLabels {
  const radius = lang === 'zh' ? '500 米' : '500 m';
  return csvLabels(STRINGS[lang], services, { kind, key: gapKey(services), radius, date: '2026-12-06', crs: kind === 'gaps' ? 'WGS84' : null, sample: true });
}

// Per-hall load as a CSV for people: the rows of src/core/export/hall-loads.ts
// under column names in the interface language, written like every CSV here
// (csv-text.ts). Utilisation is a percentage with one decimal, as shown.
import type { HallLoadRow } from '../../core/export/hall-loads';
import type { CsvLabels } from './csv-labels';
import { csvText } from './csv-text';
import { keyLabels } from './csv-labels';
import { percent1 } from './stats-export';

export function loadsCsv(rows: readonly HallLoadRow[], labels: CsvLabels): string {
  const l = labels.loads;
  const head = [l.index, l.name, labels.service, l.capacity, l.load, l.served, l.over, l.utilisation];
  const body = rows.map((r) => [
    r.index,
    r.name,
    keyLabels(labels, r.service).name,
    r.capacity,
    r.load,
    r.served,
    r.over,
    r.utilisation === null ? null : percent1(r.utilisation),
  ]);
  return csvText(head, body, labels.title);
}

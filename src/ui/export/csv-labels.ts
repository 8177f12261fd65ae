// The words the worker writes into a CSV for people, built from the
// interface strings: a title line saying what is inside, then column, row
// and service names in the interface language (plain data: they cross
// postMessage).
import { ALL_KEY } from '../choices';
import type { CsvLabels, KeyLabels } from '../../core/export/csv-labels';
import { serviceName, type Strings } from '../i18n';
import { CAPACITY_STRINGS } from '../planning/capacity-strings';
import { TARGET_STRINGS } from '../target-strings';
import { formatShare } from '../format';

export interface CsvTitle {
  kind: 'gaps' | 'stats' | 'loads';
  key: string; // the service exported, or 'all'
  radius: string; // formatted, e.g. "500 米"
  date: string; // YYYY-MM-DD
  crs: string | null; // "WGS84" / "GCJ-02"; null for files without coordinates
  sample: boolean; // the sample data, not the planner's own
  target?: number | null; // the coverage target shown (a fraction 0–1): the statistics CSV gets meets-target columns
}

/** Labels for a file on these services (each service and 'all' named). */
export function csvLabels(t: Strings, services: readonly string[], title: CsvTitle): CsvLabels {
  const c = t.planning.csv;
  const lang = t.htmlLang === 'en' ? 'en' : 'zh';
  const cc = CAPACITY_STRINGS[lang].csv;
  const tc = TARGET_STRINGS[lang].csv;
  const target = title.target ?? null;
  const perKey = (svc: string, shown: string): KeyLabels => ({
    name: serviceName(t, svc),
    halls: c.hallsOf(shown),
    covered: c.covered(shown),
    share: c.share(shown),
    uncovered: svc === ALL_KEY ? c.uncoveredAll : c.uncovered(shown),
    nearestP50: c.nearestP50(shown),
    nearestP90: c.nearestP90(shown),
    nearestMax: c.nearestMax(shown),
    served: cc.served(shown),
    over: cc.over(shown),
    ...(target !== null && { meetsTarget: tc.meets(shown, formatShare(target)) }),
  });
  const byKey: Record<string, KeyLabels> = Object.fromEntries(services.map((s) => [s, perKey(s, serviceName(t, s))]));
  byKey[ALL_KEY] = perKey(ALL_KEY, c.allServices);
  return {
    title: c.title(
      title.kind === 'gaps' ? c.gaps : title.kind === 'loads' ? cc.loads : c.stats,
      serviceName(t, title.key),
      title.radius,
      title.date,
      title.crs,
      title.sample,
    ),
    // The district table's words where it has them.
    area: t.colArea,
    population: t.colPopulation,
    halls: t.colHalls,
    total: t.total,
    outsideAreas: t.outsideAreas,
    service: t.serviceLegend,
    rank: c.rank,
    areaM2: c.areaM2,
    centroidLng: c.centroidLng,
    centroidLat: c.centroidLat,
    nearestHallM: c.nearestHallM,
    coordinateSystem: t.planning.importCrs,
    byKey,
    targetWords: { yes: tc.yes, no: tc.no },
    loads: {
      index: cc.hallIndex,
      name: cc.hallName,
      capacity: cc.capacity,
      load: cc.load,
      served: cc.servedPeople,
      over: cc.overPeople,
      utilisation: cc.utilisation,
    },
  };
}

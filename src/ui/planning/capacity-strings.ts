// Strings of capacity analysis in the planning tools (what-if capacities
// and loads, the import dialog's capacity field, the hall load exports), kept
// out of i18n.ts so they load with those tools, not with the first view.
// `en` is typed as `typeof zh`, so a key missing from either is a compile error.
import type { Lang } from '../i18n';

const zh = {
  proposedCapacity: '容量（人）',
  proposedCapacityLabel: (name: string) => `${name}的容量（人，留空为不限）`,
  proposedCapacityHint: '不限',
  loadsTitle: '服务点负荷变化（服务范围内人口）',
  loadsNone: '拟建服务点未改变现有服务点的负荷。',
  loadProposed: (name: string) => `${name}（拟建）`,
  loadChange: (before: string, after: string) => `由 ${before} 人变为 ${after} 人`,
  exportLoadsCsv: '服务点负荷表（CSV）',
  exportLoadsGeojson: '服务点负荷（GeoJSON）',
  importCapacityField: '容量字段（每个服务点可服务人数）',
  importCapacityNone: '（无：只看覆盖）',
  suggestServed: '按可服务人数推荐（考虑容量）',
  suggestSiteCapacity: '新服务点容量（人，留空为不限）',
  suggestServedSummary: (added: string, before: string, after: string) => `新增可服务 ${added}；可服务比例 ${before} → ${after}`,
  /** One site of a served suggestion: its gain is people served, not people covered. */
  siteServedItem: (rank: number, people: string) => `${rank}. 新增可服务 ${people}`,
  suggestServedNote: '按可服务人数逐个选址（贪心），不保证最优，见规划说明。',
  csv: {
    served: (svc: string) => `${svc}可服务人口`,
    over: (svc: string) => `${svc}超出容量人口`,
    loads: '服务点负荷',
    hallIndex: '序号（从0起）',
    hallName: '服务点',
    capacity: '容量（人，空为不限）',
    load: '服务范围内人口',
    servedPeople: '可服务人口',
    overPeople: '超出容量人口',
    utilisation: '使用率（%）',
  },
};

const en: typeof zh = {
  proposedCapacity: 'Capacity (people)',
  proposedCapacityLabel: (name) => `Capacity of ${name} (people; empty for unlimited)`,
  proposedCapacityHint: 'unlimited',
  loadsTitle: 'Hall loads that change (people in the catchment)',
  loadsNone: "The proposed halls change no existing hall's load.",
  loadProposed: (name) => `${name} (proposed)`,
  loadChange: (before, after) => `${before} → ${after} people`,
  exportLoadsCsv: 'Hall loads (CSV)',
  exportLoadsGeojson: 'Hall loads (GeoJSON)',
  importCapacityField: 'Capacity field (people each hall can serve)',
  importCapacityNone: '(none: coverage only)',
  suggestServed: 'Maximise people served (with capacities)',
  suggestSiteCapacity: 'New site capacity (people; empty = unlimited)',
  suggestServedSummary: (added, before, after) => `${added} newly served; share served ${before} → ${after}`,
  siteServedItem: (rank, people) => `${rank}. serves ${people} more`,
  suggestServedNote: 'Sites are picked one by one by people served (greedy), with no guarantee of the best set; see the planning guide.',
  csv: {
    served: (svc) => `Served: ${svc}`,
    over: (svc) => `Over capacity: ${svc}`,
    loads: 'hall loads',
    hallIndex: 'Index (from 0)',
    hallName: 'Hall',
    capacity: 'Capacity (people; empty = unlimited)',
    load: 'People in catchment',
    servedPeople: 'Served',
    overPeople: 'Over capacity',
    utilisation: 'Utilisation (%)',
  },
};

export const CAPACITY_STRINGS: Record<Lang, typeof zh> = { zh, en };

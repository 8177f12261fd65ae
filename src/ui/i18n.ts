// Every visible string of the app, in both languages. `en` is typed as
// `typeof zh`, so a key missing from either language is a compile error.
import { SERVICE_NAMES } from '../core/services';
import type { PlanningStrings } from './planning/planning-strings';
import { TOOL_STRINGS } from './planning/tool-strings';
import type { OwnStrings } from './own-data/own-strings';

export type Lang = 'zh' | 'en';

const zh = {
  htmlLang: 'zh-CN',
  /** What-if halls, suggested sites, import and export (src/ui/planning/planning-strings.ts), loaded with the first tool (loadPlanningStrings). */
  get planning(): PlanningStrings {
    return planningStrings('zh');
  },
  /** The tools' headings, open/loading lines and proposed halls' names, shown before any tool is loaded (src/ui/planning/tool-strings.ts). */
  tools: TOOL_STRINGS.zh,
  /** Own data kept in the browser, links to it, project files (src/ui/own-data/own-strings.ts). */
  get own(): OwnStrings {
    return ownStrings('zh');
  },
  /** The chart of distances to the nearest hall (its own strings: src/ui/distance/distance-strings.ts). */
  distanceChartTitle: '可达距离分布',
  appTitle: '服务圈',
  appSubtitle: '光明区群众诉求服务覆盖分析',
  ownDataSubtitle: '自有数据：服务覆盖分析',
  services: { ...SERVICE_NAMES.zh, all: '全部三项' } as Record<string, string>,
  /** Short names for narrow table headers. */
  servicesShort: { petition: '诉求', 'legal-aid': '法律', 'psych-support': '心理' } as Record<string, string>,
  serviceLegend: '服务',
  radiusLabel: '服务半径',
  radiusNumberLabel: '服务半径（米）',
  radiusPresets: '标准',
  metresUnit: '米',
  tableCaption: (r: string) => `各街道覆盖情况（半径 ${r}）`,
  colArea: '街道',
  colPopulation: '人口',
  colCovered: (svc: string) => `${svc}覆盖`,
  colShare: (svc: string) => `${svc}覆盖率`,
  colUncovered: '未覆盖',
  colUncoveredAll: '缺任一服务',
  colHalls: '服务点数',
  distanceLegend: '距离',
  distanceModes: { straight: '直线', network: '步行' } as Record<string, string>,
  distanceHint: (file: string) => `步行距离沿 ${file} 中的道路计算`,
  colModes: (svc: string) => `${svc}覆盖率 直线 · 步行`,
  modesCell: (straight: string, walking: string) => `直线 ${straight} · 步行 ${walking}`,
  walkingLegend: '步行可达（有人在半径内步行可达的人口格）',
  modeShown: (mode: string) => `显示：${mode}距离`,
  roadsLegend: '道路（步行网络）',
  colServed: (svc: string) => `${svc}可服务`,
  colOver: '超出容量',
  popupLoad: (svc: string) => `${svc}负荷`,
  /** A hall's load: people in its catchment, its capacity and utilisation ("服务范围内 4,210 人，容量 5,000，使用率 84.2%"). */
  hallLoad: (load: string, capacity: string | null, use: string | null, over: boolean) =>
    capacity === null ? `服务范围内 ${load} 人，容量不限` : `服务范围内 ${load} 人，容量 ${capacity}，使用率 ${use}${over ? '（超出容量）' : ''}`,
  hallOverLegend: '黑色外圈：超出容量',
  capacityLabel: '每个服务点可服务',
  capacityUnit: '人',
  capacityHint: '数据无容量：输入可试算负荷，清空则只看覆盖。',
  sortBy: (col: string) => `按“${col}”排序`,
  total: '全区合计',
  outsideAreas: '区域外',
  selectArea: (name: string) => `在地图上显示${name}`,
  wholeDistrict: '显示全区',
  belowTarget: '▼ 未达目标',
  targetToggle: '覆盖目标',
  gapsTitle: '最大覆盖缺口',
  gapsFailingOnly: '只列未达覆盖目标的区域',
  gapsTitleIn: (area: string) => `${area}最大覆盖缺口`,
  gapsFor: (svc: string) => `${svc}：未覆盖的人口聚集区，点击定位`,
  gapItem: (rank: number, area: string, people: string, nearest: string) => `${rank}. ${area}：${people}，最近服务点 ${nearest}`,
  noGaps: '在此半径下没有覆盖缺口。',
  noGapsIn: '此街道在此半径下没有覆盖缺口。',
  layersTitle: '图层',
  layers: {
    areas: '街道边界',
    population: '人口分布',
    halls: '服务大厅与服务站',
    circles: '服务圈',
    gaps: '覆盖缺口',
    basemap: 'OSM 底图（需联网）',
  } as Record<string, string>,
  legendTitle: '图例',
  populationLegend: (cellM: number) => (cellM === 100 ? '人口密度（人/公顷，即每个 100 米网格的人数）' : `人口密度（人/公顷，按 ${cellM} 米网格统计）`),
  hallLegend: '服务点颜色 = 提供的服务',
  hallBig: '大厅（区、街道、社区）',
  hallSmall: '服务站',
  circlesLegend: '服务圈（已合并，重叠处不加深）',
  gapsLegend: '覆盖缺口（斜线）',
  gapsLegendPlanned: '覆盖缺口（斜线，已计入拟建服务点）',
  gapSelectedLegend: '选中的缺口',
  hallMuted: (svc: string) => `空心淡色：不提供${svc}`,
  languageLabel: '语言',
  dataNote:
    '示例数据：区界真实，街道、社区边界为近似划分，人口（含65岁以上）和全部服务点位置、地址均为模拟，容量按类型模拟（区 4 万、街道 2 万、社区 1 万、站点 5 千人），不得用于正式报告。',
  dataNoteLink: '数据说明',
  ownDataNote: '已载入自有数据：数字只与所载入文件一样可靠；未替换的文件仍是示例数据（街道和社区边界近似，人口与服务点为模拟）。',
  loading: '正在加载数据…',
  computing: '正在计算…',
  /** Said once the radius rests: "500 米：覆盖 93.1%（诉求服务）". */
  radiusSettled: (r: string, share: string, svc: string) => `${r}：覆盖 ${share}（${svc}）`,
  hallsTitle: (area: string, svc: string, n: string) => `服务点清单：${area}，${svc}（${n} 处）`,
  hallsWhole: '全区',
  hallsAnyService: '全部服务点',
  hallsOffering: (svc: string) => `提供${svc}`,
  hallLocate: '地图定位',
  hallLocateLabel: (name: string) => `在地图上显示${name}并打开详情`,
  noWebGl: '此浏览器不支持 WebGL2，无法显示地图；表格与缺口列表仍可使用。',
  loadError: (msg: string) => `数据无法读取：${msg}`,
  computeError: (msg: string) => `计算失败：${msg}`,
  workerRestarted: '计算进程意外停止，已自动重启：数据已重新载入，数字已重新计算。',
  workerGaveUp: (msg: string) => `计算进程反复停止，请重新加载页面（方案中的新站点保存在链接中）。原因：${msg}`,
  dismiss: '知道了',
  popupKind: '类型',
  popupAddress: '地址',
  popupServices: '服务',
  popupSubdistrict: '街道',
  popupCommunity: '社区',
  kinds: {
    'district-hall': '区群众诉求服务大厅',
    'subdistrict-hall': '街道群众诉求服务大厅',
    'community-hall': '社区群众诉求服务站',
    station: '服务站点',
  } as Record<string, string>,
  none: '无',
  listSeparator: '、',
  tooltipArea: (name: string, people: string) => `${name}：${people}`,
  tooltipGap: (svc: string, area: string, people: string) => `${svc}缺口（${area}）：${people}`,
  showPanel: '显示面板',
  hidePanel: '隐藏面板',
  mapLabel: '覆盖地图',
  /** MapLibre's own UI strings (ids from its default locale). */
  mapLocale: {
    'Map.Title': '地图',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'Popup.Close': '关闭',
    'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
  } as Record<string, string>,
};

export type Strings = typeof zh;

const en: Strings = {
  htmlLang: 'en',
  get planning(): PlanningStrings {
    return planningStrings('en');
  },
  tools: TOOL_STRINGS.en,
  get own(): OwnStrings {
    return ownStrings('en');
  },
  distanceChartTitle: 'The shape of access',
  appTitle: 'Service Circles',
  appSubtitle: 'Coverage of citizen-appeal service halls in Guangming District',
  ownDataSubtitle: 'Own data: service coverage analysis',
  services: { ...SERVICE_NAMES.en, all: 'All three' },
  servicesShort: { petition: 'Petition', 'legal-aid': 'Legal', 'psych-support': 'Psych.' },
  serviceLegend: 'Service',
  radiusLabel: 'Service radius',
  radiusNumberLabel: 'Service radius (metres)',
  radiusPresets: 'Standards',
  metresUnit: 'm',
  tableCaption: (r) => `Coverage by subdistrict (radius ${r})`,
  colArea: 'Subdistrict',
  colPopulation: 'Population',
  colCovered: (svc) => `${svc} covered`,
  colShare: (svc) => `${svc} share`,
  colUncovered: 'Uncovered',
  colUncoveredAll: 'Missing any service',
  colHalls: 'Halls',
  distanceLegend: 'Distance',
  distanceModes: { straight: 'Straight', network: 'Walking' },
  distanceHint: (file) => `Walking distance along the roads of ${file}`,
  colModes: (svc) => `${svc} share straight · walking`,
  modesCell: (straight, walking) => `straight ${straight} · walking ${walking}`,
  walkingLegend: 'Reachable on foot (population cells with someone within the radius along the roads)',
  modeShown: (mode) => `Shown: ${mode.toLowerCase()} distance`,
  roadsLegend: 'Roads (walking network)',
  colServed: (svc) => `${svc} served`,
  colOver: 'Over capacity',
  popupLoad: (svc) => `${svc} load`,
  hallLoad: (load, capacity, use, over) =>
    capacity === null
      ? `${load} people in its catchment, capacity unlimited`
      : `${load} people in its catchment, capacity ${capacity}, ${use} used${over ? ' (over capacity)' : ''}`,
  hallOverLegend: 'Dark outer ring: over capacity',
  capacityLabel: 'Each hall can serve',
  capacityUnit: 'people',
  capacityHint: 'The data has no capacities: type one to explore loads; clear it for coverage only.',
  sortBy: (col) => `Sort by “${col}”`,
  total: 'District total',
  outsideAreas: 'Outside the areas',
  selectArea: (name) => `Show ${name} on the map`,
  belowTarget: '▼ below target',
  targetToggle: 'Coverage target',
  wholeDistrict: 'Whole district',
  gapsTitle: 'Largest gaps',
  gapsFailingOnly: 'Only areas below the coverage target',
  gapsTitleIn: (area) => `Largest gaps in ${area}`,
  gapsFor: (svc) => `${svc}: clusters of uncovered people; click to fly there`,
  gapItem: (rank, area, people, nearest) => `${rank}. ${area}: ${people}, nearest hall ${nearest}`,
  noGaps: 'No gaps at this radius.',
  noGapsIn: 'No gaps in this subdistrict at this radius.',
  layersTitle: 'Layers',
  layers: {
    areas: 'Subdistrict boundaries',
    population: 'Population',
    halls: 'Halls and stations',
    circles: 'Service circles',
    gaps: 'Coverage gaps',
    basemap: 'OSM basemap (online)',
  },
  legendTitle: 'Legend',
  populationLegend: (cellM) =>
    cellM === 100 ? 'Population density (people per hectare = per 100 m grid cell)' : `Population density (people per hectare, counted on a ${cellM} m grid)`,
  hallLegend: 'Site colour = services offered',
  hallBig: 'Halls (district, subdistrict, community)',
  hallSmall: 'Stations',
  circlesLegend: 'Service circles (merged, overlaps do not darken)',
  gapsLegend: 'Coverage gaps (hatched)',
  gapsLegendPlanned: 'Coverage gaps (hatched, with the proposed halls built)',
  gapSelectedLegend: 'Selected gap',
  hallMuted: (svc) => `Hollow, faint: does not offer ${svc}`,
  languageLabel: 'Language',
  dataNote:
    'Sample data: the district outline is real, subdistrict and community boundaries are approximate, and the population (65+ too) and every hall location and address are modelled; capacities are modelled by kind (district 40,000, subdistrict 20,000, community 10,000, station 5,000 people). Do not use in reports.',
  dataNoteLink: 'About the data',
  ownDataNote:
    'Your own data is loaded: the numbers are as good as those files; any file you did not replace is still the sample (approximate subdistricts and communities, modelled population and halls).',
  loading: 'Loading data…',
  computing: 'Computing…',
  radiusSettled: (r, share, svc) => `${r}: ${share} covered (${svc})`,
  hallsTitle: (area, svc, n) => `Halls: ${area}, ${svc} (${n})`,
  hallsWhole: 'whole district',
  hallsAnyService: 'all sites',
  hallsOffering: (svc) => `offering ${svc.toLowerCase()}`,
  hallLocate: 'Show on map',
  hallLocateLabel: (name) => `Show ${name} on the map with its details`,
  noWebGl: 'This browser has no WebGL2, so the map cannot be shown; the table and gap list still work.',
  loadError: (msg) => `Could not read the data: ${msg}`,
  computeError: (msg) => `Computation failed: ${msg}`,
  workerRestarted: 'The computation process stopped unexpectedly and was restarted: the data was loaded again and the numbers recomputed.',
  workerGaveUp: (msg) => `The computation process keeps stopping; please reload the page (proposed halls are kept in the link). Reason: ${msg}`,
  dismiss: 'OK',
  popupKind: 'Type',
  popupAddress: 'Address',
  popupServices: 'Services',
  popupSubdistrict: 'Subdistrict',
  popupCommunity: 'Community',
  kinds: {
    'district-hall': 'District service hall',
    'subdistrict-hall': 'Subdistrict service hall',
    'community-hall': 'Community service hall',
    station: 'Service station',
  },
  none: 'none',
  listSeparator: ', ',
  tooltipArea: (name, people) => `${name}: ${people}`,
  tooltipGap: (svc, area, people) => `${svc} gap (${area}): ${people}`,
  showPanel: 'Show panel',
  hidePanel: 'Hide panel',
  mapLabel: 'Coverage map',
  mapLocale: {
    'Map.Title': 'Map',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'Popup.Close': 'Close popup',
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

// The planning tools' and the own-data strings, both languages, chunks
// fetched with the first tool's code (LazyTool.svelte awaits
// loadPlanningStrings before it mounts a tool) or the own-data banner
// (App.svelte), so the first page load does not carry them.
let planningLoaded: typeof import('./planning/planning-strings').PLANNING_STRINGS | null = null;
let ownLoaded: typeof import('./own-data/own-strings').OWN_STRINGS | null = null;

/** Fetches the planning tools' and own-data strings once; a failed fetch is tried again by the next call. */
export async function loadPlanningStrings(): Promise<void> {
  if (planningLoaded && ownLoaded) return;
  const [planning, own] = await Promise.all([import('./planning/planning-strings'), import('./own-data/own-strings')]);
  planningLoaded = planning.PLANNING_STRINGS;
  ownLoaded = own.OWN_STRINGS;
}

function ownStrings(lang: Lang): OwnStrings {
  if (!ownLoaded) throw new Error('own-data strings not loaded (loadPlanningStrings comes first)');
  return ownLoaded[lang];
}

function planningStrings(lang: Lang): PlanningStrings {
  if (!planningLoaded) throw new Error('planning strings not loaded (loadPlanningStrings comes first)');
  return planningLoaded[lang];
}

/** Display name of a service; unknown services (from user data) are shown as given. */
export function serviceName(t: Strings, service: string): string {
  return Object.hasOwn(t.services, service) ? t.services[service] : service; // not 'constructor' & co. from Object.prototype
}

/** Short name of a service for table headers. */
export function serviceShortName(t: Strings, service: string): string {
  return Object.hasOwn(t.servicesShort, service) ? t.servicesShort[service] : service;
}

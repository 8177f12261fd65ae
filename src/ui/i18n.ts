// Every visible string of the app: Chinese here, English in strings-en.ts
// (a chunk fetched when the interface first shows English, see loadStrings).
// English is typed as `typeof zh`, so a key missing from either language is a
// compile error.
import { createSubscriber } from 'svelte/reactivity';
import { SERVICE_NAMES } from '../core/services';
import type { PlanningStrings } from './planning/planning-strings';
import { TOOL_STRINGS_ZH } from './planning/tool-strings';
import type { OwnStrings } from './own-data/own-strings';

export type Lang = 'zh' | 'en';

/** The service picker's choices in both languages: it names each in the other language too, so this stays with the page. */
export const SERVICE_CHOICE_NAMES: Record<Lang, Record<string, string>> = {
  zh: { ...SERVICE_NAMES.zh, all: '全部三项' },
  en: { ...SERVICE_NAMES.en, all: 'All three' },
};

const zh = {
  htmlLang: 'zh-CN',
  /** What-if halls, suggested sites, import and export (src/ui/planning/planning-strings.ts), loaded with the first tool (loadPlanningStrings). */
  get planning(): PlanningStrings {
    return planningStrings('zh');
  },
  /** The tools' headings, open/loading lines and proposed halls' names, shown before any tool is loaded (src/ui/planning/tool-strings.ts). */
  tools: TOOL_STRINGS_ZH,
  /** Own data kept in the browser, links to it, project files (src/ui/own-data/own-strings.ts). */
  get own(): OwnStrings {
    return ownStrings('zh');
  },
  /** The chart of distances to the nearest hall (its own strings: src/ui/distance/distance-strings.ts). */
  distanceChartTitle: '可达距离分布',
  appTitle: '服务圈',
  appSubtitle: '光明区群众诉求服务覆盖分析',
  ownDataSubtitle: '自有数据：服务覆盖分析',
  services: { ...SERVICE_CHOICE_NAMES.zh },
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
  languageFailed: '英文界面未能加载（网络中断或页面已更新），请重试。',
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
  /** The hall list's name in its loading and failure lines. */
  hallListName: '服务点清单',
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

let en: Strings | null = null;
let enLoading: Promise<void> | null = null;
let enArrived: (() => void) | undefined;
// Lets the effects that read STRINGS.en before it arrived rerun when it does.
const waitForEn = createSubscriber((update) => {
  enArrived = update;
  return () => (enArrived = undefined);
});

/** Fetches a language's strings once (Chinese is always here); a failed fetch is tried again by the next call. */
export function loadStrings(lang: Lang): Promise<void> {
  if (lang === 'zh' || en) return Promise.resolve();
  enLoading ??= import('./strings-en').then(
    (m) => {
      en = m.EN;
      enArrived?.();
    },
    (e: unknown) => {
      enLoading = null;
      throw e;
    },
  );
  return enLoading;
}

export const STRINGS: Record<Lang, Strings> = {
  zh,
  /**
   * English once fetched. main.ts and the language switch fetch it before
   * they show it; any other path to English (a link's hash, a project, a host
   * page's command) shows Chinese for the moment the fetch takes.
   */
  get en(): Strings {
    if (en) return en;
    waitForEn();
    loadStrings('en').catch((e: unknown) => console.error('the English interface strings could not be loaded', e));
    return zh;
  },
};

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

export function ownStrings(lang: Lang): OwnStrings {
  if (!ownLoaded) throw new Error('own-data strings not loaded (loadPlanningStrings comes first)');
  return ownLoaded[lang];
}

export function planningStrings(lang: Lang): PlanningStrings {
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

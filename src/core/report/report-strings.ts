// The words of the printable report, in Chinese and English. Plain strings
// and small formatters, so the CLI and the page build the same report; `en`
// is typed as `typeof zh`, so a key missing from either language is a
// compile error. Service names are the app's (SERVICE_NAMES in
// src/core/services.ts).
import type { Crs } from '../types';

export type ReportLang = 'zh' | 'en';

/** The project's fonts, Chinese first, so a printed report's Chinese is set in them wherever they are installed. */
export const REPORT_FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const zh = {
  htmlLang: 'zh-CN',
  title: (name: string) => `${name}：服务覆盖报告`,
  areaTitle: (name: string, area: string) => `${name}·${area}：服务覆盖报告`,
  sampleName: '光明区示例数据',
  date: (d: string) => `报告日期：${d}`,
  dataHeading: '数据说明',
  sampleNote: '示例数据：区界真实，街道和社区边界为模拟的近似划分，人口分布、65岁及以上人口和全部服务点位置均为模拟，服务点容量按类型模拟，不得用于正式报告。',
  ownNote: (files: string) => `数据来自所给文件（${files}）：数字只与这些文件一样可靠。`,
  crsNote: (converted: string): string => (converted === '' ? '坐标系：WGS84（经纬度）。' : `坐标系：WGS84（经纬度）；${converted}在读入时转换为 WGS84。`),
  crsConverted: (file: string, crs: string) => `${file}（${crs}）`,
  listSeparator: '、',
  settingsHeading: '服务与半径',
  servicesLine: (list: string) => `服务：${list}`,
  radiusLine: (r: string) => `服务半径：${r}`,
  distanceLine: (network: boolean): string => (network ? '距离：沿道路网的步行距离' : '距离：直线（大圆）距离'),
  targetLine: (t: string) => `覆盖目标：${t}`,
  metres: (m: string) => `${m} 米`,
  mapHeading: '地图',
  tableHeading: '各区域覆盖情况',
  colArea: '区域',
  colPopulation: '人口',
  colHalls: '服务点数',
  colHallsOf: (svc: string) => `${svc}服务点`,
  colCovered: (svc: string) => `${svc}覆盖人口`,
  colShare: (svc: string) => `${svc}覆盖率`,
  colUncovered: (svc: string) => `${svc}未覆盖`,
  colUncoveredAll: '缺任一服务',
  allServices: '全部服务',
  total: '全区合计',
  outsideAreas: '区域外',
  gapsHeading: (svc: string) => `最大覆盖缺口（${svc}）`,
  colRank: '序号',
  colGapArea: '所在区域',
  colGapSize: '面积（公顷）',
  colGapPeople: '未覆盖人口',
  colGapNearest: '最近服务点距离（米）',
  noHall: '无',
  noGaps: '在此半径下没有覆盖缺口。',
  methodHeading: '方法',
  methodDistance: (network: boolean): string =>
    network
      ? '距离：沿道路网的步行距离 = 服务点接入最近道路的直线距离 + 道路上的最短路径 + 人口点接入最近道路的直线距离，距离 ≤ 半径即为覆盖（含边界）。'
      : '距离：半径 6 371 008.8 米球面上的 haversine 大圆距离，距离 ≤ 半径即为覆盖（含边界）。',
  methodRadius: (r: string, all: boolean) => `半径：${r}；${all ? '“全部服务”指每项服务都在半径内（可由不同服务点提供）。' : '只统计所选服务。'}`,
  methodAreal: '面状人口按面积加权：多边形在细网格上取样，人口按各样点所占球面面积分配，覆盖比例即可达部分的面积比例。',
  methodFirstArea: '每个人口单元只计入按文件顺序第一个包含它的区域（含边界）；不在任何区域内的计入“区域外”。',
  methodCrs: '坐标：GCJ-02、BD-09 输入在读入时转换为 WGS84，全部计算均在 WGS84 经纬度上进行。',
  legendAreas: '区域边界',
  legendHalls: '服务点（颜色 = 提供的服务）',
  legendOther: '其他服务或无服务',
  legendMuted: (svc: string) => `空心淡色：不提供${svc}`,
  legendGaps: (svc: string) => `覆盖缺口（斜线，${svc}）`,
  north: '北',
  mapLabel: (svc: string, r: string) => `${svc}覆盖地图，半径 ${r}`,
  km: (x: string) => `${x} 公里`,
};

export type ReportStrings = typeof zh;

const en: ReportStrings = {
  htmlLang: 'en',
  title: (name) => `Service coverage report: ${name}`,
  areaTitle: (name, area) => `Service coverage report: ${name}, ${area}`,
  sampleName: 'Guangming sample data',
  date: (d) => `Date: ${d}`,
  dataHeading: 'About the data',
  sampleNote:
    'Sample data: the district outline is real, subdistrict and community boundaries are approximate (modelled), and the population surface, the 65+ count and every hall location are modelled, and hall capacities are modelled by kind. Do not use in reports.',
  ownNote: (files) => `Data from the given files (${files}): the numbers are as good as those files.`,
  crsNote: (converted) =>
    converted === ''
      ? 'Coordinate system: WGS84 (longitude/latitude).'
      : `Coordinate system: WGS84 (longitude/latitude); ${converted} converted to WGS84 on import.`,
  crsConverted: (file, crs) => `${file} (${crs})`,
  listSeparator: ', ',
  settingsHeading: 'Services and radius',
  servicesLine: (list) => `Services: ${list}`,
  radiusLine: (r) => `Service radius: ${r}`,
  distanceLine: (network) => (network ? 'Distance: walking distance along the road network' : 'Distance: straight line (great circle)'),
  targetLine: (t) => `Coverage target: ${t}`,
  metres: (m) => `${m} m`,
  mapHeading: 'Map',
  tableHeading: 'Coverage by area',
  colArea: 'Area',
  colPopulation: 'Population',
  colHalls: 'Halls',
  colHallsOf: (svc) => `${svc} halls`,
  colCovered: (svc) => `${svc} covered`,
  colShare: (svc) => `${svc} share`,
  colUncovered: (svc) => `${svc} uncovered`,
  colUncoveredAll: 'Missing any service',
  allServices: 'All services',
  total: 'District total',
  outsideAreas: 'Outside the areas',
  gapsHeading: (svc) => `Largest gaps (${svc})`,
  colRank: 'Rank',
  colGapArea: 'Area',
  colGapSize: 'Size (ha)',
  colGapPeople: 'Uncovered people',
  colGapNearest: 'Nearest hall (m)',
  noHall: 'none',
  noGaps: 'No gaps at this radius.',
  methodHeading: 'Method',
  methodDistance: (network) =>
    network
      ? "Distance: walking distance = the hall's straight leg to the nearest road + the shortest path along the roads + the person's straight leg to the nearest road; covered when distance ≤ radius (the edge included)."
      : 'Distance: haversine great-circle distance on a sphere of radius 6 371 008.8 m; covered when distance ≤ radius (the edge included).',
  methodRadius: (r, all) =>
    `Radius: ${r}; ${all ? '"all services" means every service within the radius (possibly from different halls).' : 'only the chosen service is counted.'}`,
  methodAreal:
    'Population polygons are weighted by area: sampled on a fine grid, each sample carrying the people of its area on the sphere, so a polygon is covered in proportion to the area within reach.',
  methodFirstArea:
    'Each population unit counts toward the first area in file order that contains it (the edge included); people outside every area are reported as "outside the areas".',
  methodCrs: 'Coordinates: GCJ-02 and BD-09 inputs are converted to WGS84 on import; every computation is on WGS84 longitude/latitude.',
  legendAreas: 'Area boundaries',
  legendHalls: 'Halls (colour = services offered)',
  legendOther: 'Other services or none',
  legendMuted: (svc) => `Hollow, faint: does not offer ${svc}`,
  legendGaps: (svc) => `Coverage gaps (hatched, ${svc})`,
  north: 'N',
  mapLabel: (svc, r) => `Coverage map of ${svc}, radius ${r}`,
  km: (x) => `${x} km`,
};

export const REPORT_STRINGS: Record<ReportLang, ReportStrings> = { zh, en };

/** How a coordinate system is named in the data note. */
export const CRS_NAME: Record<Crs, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' };

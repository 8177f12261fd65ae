// Strings of the area levels (communities under subdistricts), loaded with
// the levels' code on first use, not with the first page. `en` is typed as
// `typeof zh`, so a key missing from either language is a compile error.
import type { Lang } from '../i18n';

const zh = {
  /** Shown under a parent whose children do not add up to it. */
  notNested: '下级区域合计与本行不一致：两级边界不嵌套（部分人口所在的下级区域跨越或超出本区域）。',
  levelNotNested: (file: string) => `注意：${file} 的区域与街道不嵌套，下级合计不等于上级。`,
  noChildren: '没有以本区域为上级的下级区域。',
  levelsError: (why: string) => `下级区域未能读取：${why}`,
  mapLevel: '地图边界层级',
  sampleLevels: ['街道', '社区'],
  firstLevel: '第 1 级',
  importLevels: {
    level: (k: number) => `区域第 ${k} 级`,
    hint: '多个区域文件按列表顺序作为由粗到细的层级载入：第 1 级为街道等上级区域，其后为社区等下级区域。',
  },
};

const en: typeof zh = {
  notNested: 'The areas within do not add up to this row: the two levels do not nest (some people’s finer area crosses or leaves this area).',
  levelNotNested: (file: string) => `Note: the areas of ${file} do not nest in the first level; their sums differ from their parents.`,
  noChildren: 'No finer area has this area as its parent.',
  levelsError: (why: string) => `The finer areas could not be read: ${why}`,
  mapLevel: 'Area outlines on the map',
  sampleLevels: ['Subdistricts', 'Communities'],
  firstLevel: 'Level 1',
  importLevels: {
    level: (k: number) => `Areas, level ${k}`,
    hint: 'Several area files load as levels, coarse to fine in list order: level 1 the coarse areas (e.g. subdistricts), then finer ones (e.g. communities).',
  },
};

export const LEVEL_STRINGS: Record<Lang, typeof zh> = { zh, en };

// Strings of the chart of distances to the nearest hall, loaded with the
// chart on first use. `en` is typed as `typeof zh`, so a key missing from
// either language is a compile error.
import type { Lang } from '../i18n';

const zh = {
  title: '可达距离分布',
  intro: '到最近服务点的距离内居住的人口比例（累计）：曲线在某一距离处的值，就是该半径下的覆盖率。',
  loading: '正在计算距离分布…',
  error: (why: string) => `距离分布未能计算：${why}`,
  desc: (scopes: string, services: string, radius: string, marks: string) =>
    `累计分布曲线，横轴为到最近服务点的距离（米），纵轴为该距离内的人口比例；${scopes}；服务：${services}。实竖线为当前半径 ${radius}，虚竖线为标准预设 ${marks}。`,
  xAxis: '到最近服务点的距离',
  yAxis: '覆盖人口比例',
  district: '全区',
  radiusMark: '当前半径',
  atRadius: (r: string) => `半径 ${r} 内：`,
  tableOpen: '数据表',
  tableCaption: '各距离内的人口比例',
  colDistance: '距离',
  walking: '（步行距离）',
};

const en: typeof zh = {
  title: 'The shape of access',
  intro: 'Share of people living within each distance of the nearest hall (cumulative): the curve at a distance is the coverage at that radius.',
  loading: 'Computing the distance distribution…',
  error: (why: string) => `The distance distribution could not be computed: ${why}`,
  desc: (scopes: string, services: string, radius: string, marks: string) =>
    `Cumulative curves: distance to the nearest hall (metres) across, share of people within it up; ${scopes}; services: ${services}. The solid vertical line marks the radius, ${radius}; dotted ones the standard presets, ${marks}.`,
  xAxis: 'Distance to the nearest hall',
  yAxis: 'Share of people covered',
  district: 'District',
  radiusMark: 'Radius',
  atRadius: (r: string) => `Within ${r}: `,
  tableOpen: 'Data table',
  tableCaption: 'Share of people within each distance',
  colDistance: 'Distance',
  walking: ' (walking distance)',
};

export const DISTANCE_STRINGS: Record<Lang, typeof zh> = { zh, en };

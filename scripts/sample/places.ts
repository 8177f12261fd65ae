// Hand-placed, APPROXIMATE geography of Guangming (WGS84 degrees). Nothing
// here is surveyed: positions are best geographic judgement of where the six
// subdistrict offices, the 31 community centres and the large green areas lie,
// good to a few hundred metres at best. public/geo/README.md says so.

export interface Subdistrict {
  name: string; // Chinese, as in guangming-admin-codes.csv
  nameEn: string;
  seat: [number, number]; // approximate subdistrict office, lng/lat
  /** Modelled resident target (people) used to weight the density model. */
  target: number;
}

// Targets (people): 光明 between the official 10.6万 (2019) and 14.2万 (2024);
// 公明 near an unofficial 20万 (end of 2020); 玉塘 ≈ the unofficial 21.16万
// (2020); 马田 large and dense; 新湖, 凤凰 middling.
// They only steer the model; the shipped totals come out of it.
export const SUBDISTRICTS: Subdistrict[] = [
  { name: '光明街道', nameEn: 'Guangming Subdistrict', seat: [113.932, 22.761], target: 124_000 },
  { name: '公明街道', nameEn: 'Gongming Subdistrict', seat: [113.8905, 22.784], target: 222_000 },
  { name: '新湖街道', nameEn: 'Xinhu Subdistrict', seat: [113.916, 22.794], target: 128_000 },
  { name: '凤凰街道', nameEn: 'Fenghuang Subdistrict', seat: [113.945, 22.735], target: 158_000 },
  { name: '玉塘街道', nameEn: 'Yutang Subdistrict', seat: [113.906, 22.738], target: 212_000 },
  { name: '马田街道', nameEn: 'Matian Subdistrict', seat: [113.9, 22.762], target: 251_000 },
];

/**
 * Approximate community centres (lng/lat). They also shape the modelled
 * subdistricts: each subdistrict is the union of its communities' Voronoi cells.
 */
export const COMMUNITY_ANCHORS: Record<string, [number, number]> = {
  光明社区: [113.928, 22.758],
  碧眼社区: [113.95, 22.793],
  东周社区: [113.946, 22.777],
  白花社区: [113.976, 22.786],
  翠湖社区: [113.936, 22.767],
  迳口社区: [113.938, 22.812],
  公明社区: [113.891, 22.781],
  上村社区: [113.888, 22.805],
  李松蓢社区: [113.88, 22.804],
  下村社区: [113.903, 22.797],
  西田社区: [113.87, 22.785],
  新羌社区: [113.905, 22.815],
  楼村社区: [113.91, 22.788],
  圳美社区: [113.929, 22.793],
  甲子塘社区: [113.935, 22.723],
  东坑社区: [113.975, 22.748],
  塘尾社区: [113.95, 22.726],
  塘家社区: [113.953, 22.752],
  凤凰社区: [113.932, 22.738],
  田寮社区: [113.907, 22.74],
  玉律社区: [113.895, 22.725],
  长圳社区: [113.915, 22.718],
  红星社区: [113.888, 22.705],
  薯田埔社区: [113.903, 22.762],
  合水口社区: [113.898, 22.77],
  根竹园社区: [113.913, 22.758],
  马山头社区: [113.885, 22.768],
  石围社区: [113.877, 22.76],
  将围社区: [113.882, 22.752],
  石家社区: [113.89, 22.745],
  新庄社区: [113.906, 22.75],
};

/**
 * English names of the communities: Hanyu Pinyin of the Chinese name (no tone
 * marks, ü kept) and "Community", as the subdistricts' names are built. No
 * official English names are published; these are transliterations.
 */
export const COMMUNITY_NAMES_EN: Record<string, string> = {
  光明社区: 'Guangming Community',
  碧眼社区: 'Biyan Community',
  东周社区: 'Dongzhou Community',
  白花社区: 'Baihua Community',
  翠湖社区: 'Cuihu Community',
  迳口社区: 'Jingkou Community',
  公明社区: 'Gongming Community',
  上村社区: 'Shangcun Community',
  李松蓢社区: 'Lisonglang Community',
  下村社区: 'Xiacun Community',
  西田社区: 'Xitian Community',
  新羌社区: 'Xinqiang Community',
  楼村社区: 'Loucun Community',
  圳美社区: 'Zhenmei Community',
  甲子塘社区: 'Jiazitang Community',
  东坑社区: 'Dongkeng Community',
  塘尾社区: 'Tangwei Community',
  塘家社区: 'Tangjia Community',
  凤凰社区: 'Fenghuang Community',
  田寮社区: 'Tianliao Community',
  玉律社区: 'Yulü Community',
  长圳社区: 'Changzhen Community',
  红星社区: 'Hongxing Community',
  薯田埔社区: 'Shutianpu Community',
  合水口社区: 'Heshuikou Community',
  根竹园社区: 'Genzhuyuan Community',
  马山头社区: 'Mashantou Community',
  石围社区: 'Shiwei Community',
  将围社区: 'Jiangwei Community',
  石家社区: 'Shijia Community',
  新庄社区: 'Xinzhuang Community',
};

export interface GreenArea {
  name: string;
  centre: [number, number]; // lng/lat
  rx: number; // metres, east–west semi-axis
  ry: number; // metres, north–south semi-axis
  /** Share of the modelled density kept inside (0 = nobody lives there). */
  keep: number;
}

// Approximate extents of the big unbuilt areas; edges are softened over 300 m.
export const GREEN_AREAS: GreenArea[] = [
  { name: '公明水库 (Guangming Reservoir)', centre: [113.915, 22.815], rx: 1300, ry: 1000, keep: 0 },
  { name: '大顶岭 / 光明森林公园', centre: [113.97, 22.776], rx: 1900, ry: 1500, keep: 0.04 },
  { name: '东南丘陵 (south-east hills)', centre: [113.98, 22.735], rx: 1400, ry: 1300, keep: 0.08 },
  { name: '北部山地 (northern hills)', centre: [113.945, 22.825], rx: 1300, ry: 700, keep: 0.1 },
  { name: '虹桥公园', centre: [113.942, 22.752], rx: 450, ry: 450, keep: 0.1 },
];

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
  { name: '光明街道', nameEn: 'Guangming Subdistrict', seat: [113.9320, 22.7610], target: 124_000 },
  { name: '公明街道', nameEn: 'Gongming Subdistrict', seat: [113.8905, 22.7840], target: 222_000 },
  { name: '新湖街道', nameEn: 'Xinhu Subdistrict', seat: [113.9160, 22.7940], target: 128_000 },
  { name: '凤凰街道', nameEn: 'Fenghuang Subdistrict', seat: [113.9450, 22.7350], target: 158_000 },
  { name: '玉塘街道', nameEn: 'Yutang Subdistrict', seat: [113.9060, 22.7380], target: 212_000 },
  { name: '马田街道', nameEn: 'Matian Subdistrict', seat: [113.9000, 22.7620], target: 251_000 },
];

/**
 * Approximate community centres (lng/lat). They also shape the modelled
 * subdistricts: each subdistrict is the union of its communities' Voronoi cells.
 */
export const COMMUNITY_ANCHORS: Record<string, [number, number]> = {
  光明社区: [113.9280, 22.7580],
  碧眼社区: [113.9500, 22.7930],
  东周社区: [113.9460, 22.7770],
  白花社区: [113.9760, 22.7860],
  翠湖社区: [113.9360, 22.7670],
  迳口社区: [113.9380, 22.8120],
  公明社区: [113.8910, 22.7810],
  上村社区: [113.8880, 22.8050],
  李松蓢社区: [113.8800, 22.8040],
  下村社区: [113.9030, 22.7970],
  西田社区: [113.8700, 22.7850],
  新羌社区: [113.9050, 22.8150],
  楼村社区: [113.9100, 22.7880],
  圳美社区: [113.9290, 22.7930],
  甲子塘社区: [113.9350, 22.7230],
  东坑社区: [113.9750, 22.7480],
  塘尾社区: [113.9500, 22.7260],
  塘家社区: [113.9530, 22.7520],
  凤凰社区: [113.9320, 22.7380],
  田寮社区: [113.9070, 22.7400],
  玉律社区: [113.8950, 22.7250],
  长圳社区: [113.9150, 22.7180],
  红星社区: [113.8880, 22.7050],
  薯田埔社区: [113.9030, 22.7620],
  合水口社区: [113.8980, 22.7700],
  根竹园社区: [113.9130, 22.7580],
  马山头社区: [113.8850, 22.7680],
  石围社区: [113.8770, 22.7600],
  将围社区: [113.8820, 22.7520],
  石家社区: [113.8900, 22.7450],
  新庄社区: [113.9060, 22.7500],
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
  { name: '公明水库 (Guangming Reservoir)', centre: [113.9150, 22.8150], rx: 1300, ry: 1000, keep: 0 },
  { name: '大顶岭 / 光明森林公园', centre: [113.9700, 22.7760], rx: 1900, ry: 1500, keep: 0.04 },
  { name: '东南丘陵 (south-east hills)', centre: [113.9800, 22.7350], rx: 1400, ry: 1300, keep: 0.08 },
  { name: '北部山地 (northern hills)', centre: [113.9450, 22.8250], rx: 1300, ry: 700, keep: 0.1 },
  { name: '虹桥公园', centre: [113.9420, 22.7520], rx: 450, ry: 450, keep: 0.1 },
];

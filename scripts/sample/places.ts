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

// Targets: 光明 between the official 10.6万 (2019) and 14.2万 (2024); 玉塘 ≈ the
// unofficial 21.16万 (2020); 公明 and 马田 large and dense; 新湖, 凤凰 middling.
// They only steer the model; the shipped totals come out of it.
export const SUBDISTRICTS: Subdistrict[] = [
  { name: '光明街道', nameEn: 'Guangming Subdistrict', seat: [113.9405, 22.7905], target: 124_000 },
  { name: '公明街道', nameEn: 'Gongming Subdistrict', seat: [113.8915, 22.7805], target: 282_000 },
  { name: '新湖街道', nameEn: 'Xinhu Subdistrict', seat: [113.9135, 22.8045], target: 104_000 },
  { name: '凤凰街道', nameEn: 'Fenghuang Subdistrict', seat: [113.9545, 22.7585], target: 132_000 },
  { name: '玉塘街道', nameEn: 'Yutang Subdistrict', seat: [113.9255, 22.7265], target: 212_000 },
  { name: '马田街道', nameEn: 'Matian Subdistrict', seat: [113.9035, 22.7585], target: 241_000 },
];

/** Approximate community centres (lng/lat); nudged into their subdistrict if a cell edge cuts them off. */
export const COMMUNITY_ANCHORS: Record<string, [number, number]> = {
  光明社区: [113.9375, 22.7860],
  碧眼社区: [113.9500, 22.7930],
  东周社区: [113.9420, 22.8060],
  白花社区: [113.9700, 22.8000],
  翠湖社区: [113.9560, 22.7820],
  迳口社区: [113.9300, 22.8200],
  公明社区: [113.8930, 22.7770],
  上村社区: [113.8840, 22.7950],
  李松蓢社区: [113.8700, 22.8050],
  下村社区: [113.9010, 22.7880],
  西田社区: [113.8750, 22.7700],
  新羌社区: [113.9040, 22.8180],
  楼村社区: [113.9180, 22.7950],
  圳美社区: [113.9280, 22.8030],
  甲子塘社区: [113.9360, 22.7640],
  东坑社区: [113.9640, 22.7450],
  塘尾社区: [113.9460, 22.7440],
  塘家社区: [113.9520, 22.7700],
  凤凰社区: [113.9580, 22.7560],
  田寮社区: [113.9300, 22.7350],
  玉律社区: [113.9000, 22.7200],
  长圳社区: [113.9250, 22.7180],
  红星社区: [113.8950, 22.7050],
  薯田埔社区: [113.9150, 22.7680],
  合水口社区: [113.9060, 22.7720],
  根竹园社区: [113.8960, 22.7520],
  马山头社区: [113.8850, 22.7620],
  石围社区: [113.8820, 22.7450],
  将围社区: [113.8920, 22.7400],
  石家社区: [113.9060, 22.7480],
  新庄社区: [113.9200, 22.7560],
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

/** District hall: the DataV district `center` (government seat) converted GCJ-02 → WGS84 with gcoord. */
export const DISTRICT_HALL: [number, number] = [113.926141, 22.754807];

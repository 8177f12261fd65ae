// Strings said only in walking mode (a link asking for walking without roads,
// suggestions measured along the roads), loaded with the code that shows them.
// `en` is typed as `typeof zh`, so a key missing from either language is a
// compile error.
import type { Lang } from './i18n';

const zh = {
  linkNoRoads: '链接要求按步行距离显示，但未载入道路：以下为直线距离。导入道路文件后改为步行距离。',
  suggestWalking: '新增人数按步行距离计算：候选点与居民都沿最近道路接入路网，沿道路步行距离不超过半径的居民计为覆盖。',
  suggestServedWalking: '新增可服务人数按步行距离计算：每位居民归属沿道路步行距离最近、且不超过半径的服务点（含新址），候选点与居民都沿最近道路接入路网。',
};
const en: typeof zh = {
  linkNoRoads: 'The link asks for walking distance, but no roads are loaded: shown by straight line. Import a roads file to see walking distance.',
  suggestWalking:
    'People added are walking numbers: each site and each person joins the nearest road, and people within the radius along the roads count as covered.',
  suggestServedWalking:
    'People served are walking numbers: each person belongs to the hall (new sites included) nearest along the roads within the radius; each site and each person joins the nearest road.',
};

export const WALKING_STRINGS: Record<Lang, typeof zh> = { zh, en };

// Strings said only in walking mode (a link asking for walking without roads,
// suggestions measured along the roads, a tool that stays straight-line),
// loaded with the code that shows them. `en` is typed as `typeof zh`, so a key missing from either
// language is a compile error.
import type { Lang } from './i18n';

const zh = {
  linkNoRoads: '链接要求按步行距离显示，但未载入道路：以下为直线距离。导入道路文件后改为步行距离。',
  suggestWalking: '新增人数按步行距离计算：候选点与居民都沿最近道路接入路网，沿道路步行距离不超过半径的居民计为覆盖。',
  suggestServedOff: '步行模式下暂不能按“服务人数”推荐：容量分配按直线距离计算服务范围。请取消“按可服务人数推荐（考虑容量）”，或切换到“直线”。',
};
const en: typeof zh = {
  linkNoRoads: 'The link asks for walking distance, but no roads are loaded: shown by straight line. Import a roads file to see walking distance.',
  suggestWalking:
    'People added are walking numbers: each site and each person joins the nearest road, and people within the radius along the roads count as covered.',
  suggestServedOff:
    'Suggestions that maximise people served are not available in walking mode: capacity assigns catchments by straight line. Untick “Maximise people served (with capacities)”, or switch to “Straight”.',
};

export const WALKING_STRINGS: Record<Lang, typeof zh> = { zh, en };

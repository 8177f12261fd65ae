// Strings said only in walking mode's edge cases (a link asking for walking
// without roads, a tool that stays straight-line), loaded with the code that
// shows them. `en` is typed as `typeof zh`, so a key missing from either
// language is a compile error.
import type { Lang } from './i18n';

const zh = {
  linkNoRoads: '链接要求按步行距离显示，但未载入道路：以下为直线距离。导入道路文件后改为步行距离。',
  suggestOff: '步行模式下暂不能推荐选址：推荐按直线距离评估候选点。请切换到“直线”后再推荐。',
};
const en: typeof zh = {
  linkNoRoads: 'The link asks for walking distance, but no roads are loaded: shown by straight line. Import a roads file to see walking distance.',
  suggestOff:
    'Site suggestions are not available in walking mode yet: they score candidates by straight-line distance. Switch to “Straight” to get suggestions.',
};

export const WALKING_STRINGS: Record<Lang, typeof zh> = { zh, en };

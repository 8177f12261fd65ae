// Radius presets: the walking-distance circles of the national standard and
// the district's own service circle, each with the source it comes from
// (docs/ui.md lists them). Loaded with the presets' menu on first use.
import type { Lang } from './i18n';

export interface RadiusPreset {
  id: string;
  radiusM: number; // metres
  label: Record<Lang, string>;
  source: Record<Lang, string>;
}

const GB = { zh: 'GB 50180-2018《城市居住区规划设计标准》', en: 'GB 50180-2018, Standard for urban residential area planning and design' };

export const RADIUS_PRESETS: readonly RadiusPreset[] = [
  {
    id: 'gb-5min',
    radiusM: 300,
    label: { zh: '5 分钟生活圈 300 米', en: '5-minute living circle, 300 m' },
    source: { zh: `${GB.zh}：5 分钟生活圈居住街坊，步行距离 300 米`, en: `${GB.en}: 5-minute living circle, walking distance 300 m` },
  },
  {
    id: 'gb-10min',
    radiusM: 500,
    label: { zh: '10 分钟生活圈 500 米', en: '10-minute living circle, 500 m' },
    source: { zh: `${GB.zh}：10 分钟生活圈居住区，步行距离 500 米`, en: `${GB.en}: 10-minute living circle, walking distance 500 m` },
  },
  {
    id: 'gb-15min',
    radiusM: 1000,
    label: { zh: '15 分钟生活圈 1 000 米', en: '15-minute living circle, 1 000 m' },
    source: {
      zh: `${GB.zh}：15 分钟生活圈居住区，步行距离 800–1 000 米（取上限）`,
      en: `${GB.en}: 15-minute living circle, walking distance 800–1 000 m (the upper bound)`,
    },
  },
  {
    id: 'district-500',
    radiusM: 500,
    label: { zh: '光明区 500 米服务圈', en: 'Guangming 500 m service circle' },
    source: {
      zh: '光明区“1+6+31+N”群众诉求服务体系的 500 米诉求、法律、心理服务圈目标（区 2021 年改革总结及媒体报道）',
      en: 'Guangming’s “1+6+31+N” citizen-appeal network: its 500-metre appeal, legal and psychological service-circle target (the district’s 2021 reform summary, press reports)',
    },
  },
];

export const PRESET_STRINGS = {
  zh: { group: '半径预设', custom: '自定义', customHint: '在右侧输入任意半径（100–3 000 米）', sources: '来源' },
  en: { group: 'Radius presets', custom: 'Custom', customHint: 'Type any radius (100–3 000 m) in the number field', sources: 'Sources' },
} satisfies Record<Lang, Record<string, string>>;

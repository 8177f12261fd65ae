// Strings of the groups of people (e.g. aged 65+): the population switch and
// the import dialog's group fields. `en` is typed as `typeof zh`, so a key
// missing from either language is a compile error.
import type { Lang } from '../i18n';

// Field names the sample and common data use, named for people; any other field is shown as it is.
const KNOWN: Record<Lang, Record<string, string>> = {
  zh: { age65: '65岁以上', children: '儿童' },
  en: { age65: '65+', children: 'Children' },
};

const zh = {
  switchLabel: '人口',
  everyone: '全部',
  /** The import dialog's multi-select of the population file's other count fields. */
  importGroups: '人群字段（可多选）',
  importGroupsHint: '每个所选字段为一类人群的人数（如 65 岁以上老人）；统计表和人口着色可切换为该人群，统计 JSON 的每个区块带有 groups。',
};

const en: typeof zh = {
  switchLabel: 'Population',
  everyone: 'Everyone',
  importGroups: 'Groups of people (count fields)',
  importGroupsHint:
    'Each chosen field counts one group of people (e.g. aged 65+); the table and the population shading can show that group, and every block of the statistics JSON carries groups.',
};

export const GROUP_STRINGS: Record<Lang, typeof zh> = { zh, en };

/** A group's name for people: 65+ for age65, else the field name as the file has it. */
export function groupName(field: string, lang: Lang): string {
  return Object.hasOwn(KNOWN[lang], field) ? KNOWN[lang][field] : field;
}

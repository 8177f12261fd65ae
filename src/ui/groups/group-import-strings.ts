// Strings of the import dialog's group fields (src/ui/groups/GroupFields.svelte),
// loaded with the dialog. `en` is typed as `typeof zh`, so a key missing from
// either language is a compile error.
import type { Lang } from '../i18n';

const zh = {
  /** The multi-select of the population file's other count fields. */
  importGroups: '人群字段（可多选）',
  importGroupsHint: '每个所选字段为一类人群的人数（如 65 岁以上老人）；统计表和人口着色可切换为该人群，统计 JSON 的每个区块带有 groups。',
};

const en: typeof zh = {
  importGroups: 'Groups of people (count fields)',
  importGroupsHint:
    'Each chosen field counts one group of people (e.g. aged 65+); the table and the population shading can show that group, and every block of the statistics JSON carries groups.',
};

export const GROUP_IMPORT_STRINGS: Record<Lang, typeof zh> = { zh, en };

// Strings of the population switch (groups of people, e.g. aged 65+), in the
// first load; the import dialog's are in group-import-strings.ts, loaded with
// it. `en` is typed as `typeof zh`, so a key missing from either language is a
// compile error.
import type { Lang } from '../i18n';

// Field names the sample and common data use, named for people; any other field is shown as it is.
const KNOWN: Record<Lang, Record<string, string>> = {
  zh: { age65: '65岁以上', children: '儿童' },
  en: { age65: '65+', children: 'Children' },
};

const zh = {
  switchLabel: '人口',
  everyone: '全部',
  /** The population legend's heading names the group shown, and its breaks when they are everyone's divided by `divisor`. */
  legendGroup: (name: string) => `当前人群：${name}`,
  legendScaled: (divisor: number) => `分级界值为全部人口的 1/${divisor}（按该人群占比），颜色表示相对该人群的疏密`,
};

const en: typeof zh = {
  switchLabel: 'Population',
  everyone: 'Everyone',
  legendGroup: (name) => `Shown: ${name}`,
  legendScaled: (divisor) => `Class breaks are everyone's divided by ${divisor} (the group's share), so colours show crowding relative to the group`,
};

export const GROUP_STRINGS: Record<Lang, typeof zh> = { zh, en };

/** A group's name for people: 65+ for age65, else the field name as the file has it. */
export function groupName(field: string, lang: Lang): string {
  return Object.hasOwn(KNOWN[lang], field) ? KNOWN[lang][field] : field;
}

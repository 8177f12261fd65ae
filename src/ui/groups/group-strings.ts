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
};

const en: typeof zh = {
  switchLabel: 'Population',
  everyone: 'Everyone',
};

export const GROUP_STRINGS: Record<Lang, typeof zh> = { zh, en };

/** A group's name for people: 65+ for age65, else the field name as the file has it. */
export function groupName(field: string, lang: Lang): string {
  return Object.hasOwn(KNOWN[lang], field) ? KNOWN[lang][field] : field;
}

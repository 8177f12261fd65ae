// Hall service lists arrive as JSON arrays or as one string separated by
// ASCII or full-width punctuation, as typed in Chinese spreadsheets.
import { KNOWN_SERVICES } from './types';

/** Key of "covered by every requested service" in results; no real service may use it. */
export const ALL_KEY = 'all';

const SEPARATORS = /[,;，；、]/;

/**
 * Normalise a services value: split strings on , ; ， ； 、, trim items, drop
 * empty ones and duplicates (first occurrence kept), keep case.
 * Returns null when the value is neither a string nor an array of strings.
 */
export function splitServices(value: unknown): string[] | null {
  let items: string[];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') items = value.split(SEPARATORS);
  else if (Array.isArray(value)) {
    items = [];
    for (const v of value) {
      if (typeof v !== 'string') return null;
      items.push(...v.split(SEPARATORS));
    }
  } else return null;
  const out: string[] = [];
  for (const raw of items) {
    const s = raw.trim();
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * A hall's service mix, which picks its colour on the map and in the report:
 * the known services it offers, in KNOWN_SERVICES order, joined by '+' (''
 * when none).
 */
export function serviceMix(services: readonly string[]): string {
  return KNOWN_SERVICES.filter((s) => services.includes(s)).join('+');
}

/** Display names of the known services, Chinese and English: the app's and the report's. Other services keep their own name. */
export const SERVICE_NAMES: Record<'zh' | 'en', Record<string, string>> = {
  zh: { petition: '诉求服务', 'legal-aid': '公共法律服务', 'psych-support': '社会心理服务' },
  en: { petition: 'Petition service', 'legal-aid': 'Public legal service', 'psych-support': 'Psychological support' },
};

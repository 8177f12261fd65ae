// Number formatting per language. Chinese planners read large populations in
// 万 (ten thousands, two decimals: 106 200 → "10.62万"); English readers get
// thousands separators. Everything is rounded for display only; the raw
// numbers stay in data-value attributes.
import type { Lang } from './i18n';

const EN_INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const EN_1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** People: zh "10.62万" from 10 000 up, else a plain integer; en "106,200". Fractions are rounded to whole people. */
export function formatPeople(n: number, lang: Lang): string {
  const whole = Math.round(n);
  if (lang === 'en') return EN_INT.format(whole);
  if (Math.abs(whole) >= 10_000) return `${(whole / 10_000).toFixed(2)}万`;
  return String(whole);
}

/** People with a unit word, for sentences: "10.62万人", "106,200 people". */
export function formatPeopleWithUnit(n: number, lang: Lang): string {
  return lang === 'zh' ? `${formatPeople(n, lang)}人` : `${formatPeople(n, lang)} ${Math.round(n) === 1 ? 'person' : 'people'}`;
}

/** A share 0…1 as a percentage with one decimal: 0.8734 → "87.3%". */
export function formatShare(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * Distance in metres: below 1 km whole metres ("850 米" / "850 m"), else km
 * with one decimal ("1.2 公里" / "1.2 km"). Infinity (no hall offers the
 * service) and NaN give "—".
 */
export function formatDistance(m: number, lang: Lang): string {
  if (!Number.isFinite(m)) return '—';
  if (Math.round(m) < 1000) return lang === 'zh' ? `${Math.round(m)} 米` : `${Math.round(m)} m`;
  return lang === 'zh' ? `${(m / 1000).toFixed(1)} 公里` : `${EN_1.format(m / 1000)} km`;
}

/** Whole counts (halls): en with separators, zh plain. */
export function formatCount(n: number, lang: Lang): string {
  return lang === 'en' ? EN_INT.format(n) : String(Math.round(n));
}

import { describe, expect, it } from 'vitest';
import { loadedOnDate, OWN_STRINGS } from '../../../../src/ui/own-data/own-strings';

type Value = string | ((...a: string[]) => string);
const sample = (v: Value) => (typeof v === 'string' ? v : v('X', 'Y'));

describe('OWN_STRINGS', () => {
  const zh = OWN_STRINGS.zh as unknown as Record<string, Value>;
  const en = OWN_STRINGS.en as unknown as Record<string, Value>;
  it('has the same keys in both languages, Chinese in every Chinese text and none in the English ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const han = /\p{Script=Han}/u;
    for (const k of Object.keys(zh)) {
      expect(han.test(sample(zh[k])), `zh.${k}`).toBe(true);
      expect(han.test(sample(en[k])), `en.${k}`).toBe(false);
    }
  });
  it('names the banner as the issue asks, with the date', () => {
    expect(OWN_STRINGS.zh.loadedOn('2026年12月6日 16:05')).toBe('自有数据，载入于 2026年12月6日 16:05');
    expect(OWN_STRINGS.en.loadedOn('6 Dec 2026, 16:05')).toBe('Own data, loaded on 6 Dec 2026, 16:05');
  });
  it('writes the date in the interface language', () => {
    const iso = '2026-12-06T08:05:00.000Z';
    expect(loadedOnDate(iso, 'zh')).toMatch(/2026年12月\d+日/);
    expect(loadedOnDate(iso, 'en')).toMatch(/Dec 2026/);
  });
});

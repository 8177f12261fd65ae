import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlanningStrings, loadStrings, SERVICE_CHOICE_NAMES, serviceName, STRINGS } from '../../../src/ui/i18n';

type Value = string | ((...a: never[]) => string) | Record<string, string>;

function sample(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'function') return (v as (...a: unknown[]) => string)('X', 'Y', 'Z', 'W');
  return Object.keys(v).sort().join('|') + '=' + Object.values(v).join('|');
}

describe('STRINGS before English and the first tool are fetched', () => {
  it('shows Chinese for English until the English strings arrive, and has the service names of both languages for the picker', async () => {
    expect(STRINGS.en.appTitle).toBe('服务圈');
    expect(SERVICE_CHOICE_NAMES.en.all).toBe('All three');
    expect(SERVICE_CHOICE_NAMES.en['legal-aid']).toBe('Public legal service');
    await loadStrings('en');
    expect(STRINGS.en.appTitle).toBe('Service Circles');
    expect(STRINGS.en.services).toEqual(SERVICE_CHOICE_NAMES.en);
    expect(STRINGS.zh.services).toEqual(SERVICE_CHOICE_NAMES.zh);
  });
  it('has the tools’ headings and loading lines, and fetches the planning strings only when asked', async () => {
    expect(STRINGS.zh.tools.toolLoading('规划')).toBe('正在加载“规划”…');
    expect(() => STRINGS.en.planning).toThrow('planning strings not loaded');
    await loadPlanningStrings();
    expect(STRINGS.en.planning.modeOn).toBe('Add proposed halls');
  });
});

describe('STRINGS', () => {
  const zh = STRINGS.zh as unknown as Record<string, Value>;
  let en: Record<string, Value>;
  beforeAll(async () => {
    await Promise.all([loadPlanningStrings(), loadStrings('en')]);
    en = STRINGS.en as unknown as Record<string, Value>;
  });
  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('has no empty string in either language', () => {
    for (const lang of [zh, en]) for (const [k, v] of Object.entries(lang)) expect(sample(v).trim(), k).not.toBe('');
  });
  it('names the same services, layers and hall kinds in both languages', () => {
    for (const k of ['services', 'servicesShort', 'layers', 'kinds', 'mapLocale']) {
      expect(Object.keys(en[k] as Record<string, string>).sort(), k).toEqual(Object.keys(zh[k] as Record<string, string>).sort());
    }
  });
  it('translates every user-facing text (only the language-neutral separators may match)', () => {
    const same = Object.keys(zh).filter((k) => sample(zh[k]) === sample(en[k]));
    expect(same).toEqual([]);
  });
  it('uses Chinese characters in every Chinese text and none in the English texts', () => {
    const han = /\p{Script=Han}/u;
    for (const [k, v] of Object.entries(en)) expect(han.test(sample(v)), `en.${k}`).toBe(false);
    for (const [k, v] of Object.entries(zh))
      if (!['htmlLang', 'listSeparator', 'gapItem', 'tooltipArea'].includes(k)) expect(han.test(sample(v)), `zh.${k}`).toBe(true);
  });
});

describe('serviceName', () => {
  it('names known services per language and shows unknown ones as given', () => {
    expect(serviceName(STRINGS.zh, 'legal-aid')).toBe('公共法律服务');
    expect(serviceName(STRINGS.en, 'psych-support')).toBe('Psychological support');
    expect(serviceName(STRINGS.en, 'housing')).toBe('housing');
  });

  it('shows services named like Object.prototype members as given, not as functions', () => {
    for (const s of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(serviceName(STRINGS.zh, s)).toBe(s);
  });
});

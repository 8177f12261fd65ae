import { describe, expect, it } from 'vitest';
import { PLANNING_STRINGS } from '../../../src/ui/planning/planning-strings';

type Value = string | ((...a: never[]) => string) | Record<string, string>;
const sample = (v: Value): string =>
  typeof v === 'string' ? v : typeof v === 'function' ? (v as (...a: unknown[]) => string)('X', 'Y', 'Z', 'W', 'V', 'U') : Object.values(v).join('|');

describe('PLANNING_STRINGS', () => {
  const zh = PLANNING_STRINGS.zh as unknown as Record<string, Value>;
  const en = PLANNING_STRINGS.en as unknown as Record<string, Value>;
  it('has the same keys, and the same role and kind names, in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of ['roles', 'kinds', 'importField', 'csv']) expect(Object.keys(en[k]).sort(), k).toEqual(Object.keys(zh[k]).sort());
  });
  it('translates every text: Chinese characters in each Chinese one, none in the English ones', () => {
    const han = /\p{Script=Han}/u;
    const neutral = ['areaChange', 'importDoneItem']; // "光明街道 82% → 87%", "服务点 h.geojson（3）": only the given words are language-specific
    for (const k of Object.keys(zh).filter((x) => !neutral.includes(x))) {
      expect(han.test(sample(zh[k])), `zh.${k}`).toBe(true);
      expect(han.test(sample(en[k])), `en.${k}`).toBe(false);
      expect(sample(en[k]).trim(), `en.${k}`).not.toBe('');
    }
  });
  it('puts the numbers it is given into the sentences', () => {
    expect(PLANNING_STRINGS.zh.change('公共法律服务', '3240人')).toBe('公共法律服务：新增覆盖 3240人');
    expect(PLANNING_STRINGS.en.change('Public legal service', '3,240 people')).toBe('Public legal service: +3,240 people covered');
    expect(PLANNING_STRINGS.en.areaChange('光明街道', '82.0%', '87.0%')).toBe('光明街道 82.0% → 87.0%');
  });
});

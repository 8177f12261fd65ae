import { describe, expect, it } from 'vitest';
import { formatCount, formatDistance, formatPeople, formatPeopleWithUnit, formatShare } from '../../../src/ui/format';

describe('formatPeople', () => {
  it('writes Chinese populations of 10 000 and more in 万 with two decimals', () => {
    expect(formatPeople(106_200, 'zh')).toBe('10.62万');
    expect(formatPeople(1_095_289, 'zh')).toBe('109.53万');
    expect(formatPeople(10_000, 'zh')).toBe('1.00万');
  });
  it('writes Chinese populations below 10 000 as plain whole numbers', () => {
    expect(formatPeople(9_999, 'zh')).toBe('9999');
    expect(formatPeople(0, 'zh')).toBe('0');
  });
  it('rounds fractional people before choosing the unit', () => {
    expect(formatPeople(9_999.6, 'zh')).toBe('1.00万');
    expect(formatPeople(12.4, 'en')).toBe('12');
  });
  it('writes English populations with thousands separators', () => {
    expect(formatPeople(106_200, 'en')).toBe('106,200');
    expect(formatPeople(1_095_289, 'en')).toBe('1,095,289');
    expect(formatPeople(999, 'en')).toBe('999');
  });
  it('adds the unit word in each language', () => {
    expect(formatPeopleWithUnit(106_200, 'zh')).toBe('10.62万人');
    expect(formatPeopleWithUnit(2_500, 'en')).toBe('2,500 people');
    expect(formatPeopleWithUnit(1, 'en')).toBe('1 person');
  });
});

describe('formatShare', () => {
  it('gives a percentage with one decimal', () => {
    expect(formatShare(0.8734)).toBe('87.3%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
  });
});

describe('formatDistance', () => {
  it('gives whole metres below 1 km', () => {
    expect(formatDistance(849.6, 'zh')).toBe('850 米');
    expect(formatDistance(500, 'en')).toBe('500 m');
  });
  it('switches to km with one decimal from 1 km (after rounding to metres)', () => {
    expect(formatDistance(999.6, 'en')).toBe('1.0 km');
    expect(formatDistance(1_234, 'zh')).toBe('1.2 公里');
    expect(formatDistance(12_345, 'en')).toBe('12.3 km');
  });
  it('gives a dash when there is no distance (no hall offers the service)', () => {
    expect(formatDistance(Number.POSITIVE_INFINITY, 'zh')).toBe('—');
    expect(formatDistance(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatCount', () => {
  it('uses separators in English only', () => {
    expect(formatCount(1_236, 'en')).toBe('1,236');
    expect(formatCount(1_236, 'zh')).toBe('1236');
  });
});

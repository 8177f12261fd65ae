import { describe, expect, it } from 'vitest';
import { describeLoad, hallsOver, isOver, loadsOf, utilisation } from '../../../src/ui/hall-load';
import { loadStrings, STRINGS } from '../../../src/ui/i18n';
import type { HallLoad, Stats } from '../../../src/core/types';

// English is a chunk the page fetches when it first shows it.
await loadStrings('en');

const entry = (index: number, service: string, capacity: number | null, load: number): HallLoad => ({
  index,
  name: `h${index}`,
  service,
  capacity,
  load,
  served: capacity === null ? load : Math.min(load, capacity),
});
const stats = {
  halls: [entry(0, 'petition', 5000, 6000), entry(0, 'legal-aid', 5000, 4000), entry(1, 'petition', null, 9000), entry(2, 'petition', 0, 10)],
} as unknown as Stats;

describe('hall load', () => {
  it("lists a hall's entries in the order of the services asked for, none without capacity analysis", () => {
    expect(loadsOf(stats, 0, ['legal-aid', 'petition']).map((h) => h.service)).toEqual(['legal-aid', 'petition']);
    expect(loadsOf(stats, 1, ['legal-aid'])).toEqual([]);
    expect(loadsOf({} as Stats, 0, ['petition'])).toEqual([]);
  });
  it('is over capacity only when the load exceeds a capacity; unlimited never is', () => {
    expect(stats.halls!.map(isOver)).toEqual([true, false, false, true]);
    expect(hallsOver(stats)).toEqual([0, 2]);
    expect(stats.halls!.map(utilisation)).toEqual([1.2, 0.8, null, Infinity]);
  });
  it('words the load with people in the catchment, capacity and utilisation, in both languages', () => {
    expect(describeLoad(stats.halls![0], STRINGS.zh, 'zh')).toBe('服务范围内 6000 人，容量 5000，使用率 120.0%（超出容量）');
    expect(describeLoad(stats.halls![1], STRINGS.en, 'en')).toBe('4,000 people in its catchment, capacity 5,000, 80.0% used');
    expect(describeLoad(stats.halls![2], STRINGS.en, 'en')).toBe('9,000 people in its catchment, capacity unlimited');
  });
});

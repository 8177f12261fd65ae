import { describe, expect, it } from 'vitest';
import { memoryStorage as memory } from '../../helpers/memory-storage';
import { PROPOSED_KEY, saveProposed } from '../../../../src/ui/planning/proposed-store';
import { loadScenarios, readHall, saveScenarios, SCENARIOS_KEY, storedHall, unusedName, validScenarioName } from '../../../../src/ui/planning/scenario-store';

const hall = (lng: number, extra: Record<string, unknown> = {}) => ({ lng, lat: 22.7, services: ['petition'], name: '', ...extra });

describe('scenario-store', () => {
  it("keeps every scenario, which one is active and the halls' other fields (a capacity), and reads them back", () => {
    const s = memory();
    const set = {
      scenarios: [
        { name: '方案 1', halls: [hall(113.9)] },
        { name: 'B', halls: [hall(113.95, { capacity: 900 })] },
      ],
      active: 1,
    };
    saveScenarios(set, s);
    expect(loadScenarios('unused', s)).toEqual(set);
    saveScenarios({ ...set, active: null }, s);
    expect(loadScenarios('unused', s)?.active).toBeNull();
  });

  it('reads the halls older versions kept alone as one scenario with the name given, active', () => {
    const s = memory();
    saveProposed([hall(113.9)], s);
    expect(s.data.has(SCENARIOS_KEY)).toBe(false);
    expect(loadScenarios('方案 1', s)).toEqual({ scenarios: [{ name: '方案 1', halls: [hall(113.9)] }], active: 0 });
    s.data.delete(PROPOSED_KEY);
    expect(loadScenarios('方案 1', s)).toBeNull();
  });

  it('drops malformed scenarios and halls, keeping the active one pointed at', () => {
    const s = memory();
    s.setItem(
      SCENARIOS_KEY,
      JSON.stringify({
        active: 3,
        scenarios: [
          { name: '', halls: [] },
          { name: 'A', halls: [hall(200), hall(113.9), 'x'] },
          { name: 'A', halls: [] },
          { name: 'C', halls: [hall(113.8)] },
        ],
      }),
    );
    expect(loadScenarios('x', s)).toEqual({
      scenarios: [
        { name: 'A', halls: [hall(113.9)] },
        { name: 'C', halls: [hall(113.8)] },
      ],
      active: 1,
    });
    s.setItem(SCENARIOS_KEY, '{not json');
    expect(loadScenarios('x', s)).toBeNull();
  });

  it("a hall drops only the page's own id", () => {
    expect(storedHall({ id: 7, ...hall(113.9, { capacity: 5 }) })).toEqual(hall(113.9, { capacity: 5 }));
    expect(readHall({ id: 7, ...hall(113.9, { capacity: 5 }) })).toEqual(hall(113.9, { capacity: 5 }));
    expect(readHall({ lng: 113.9, lat: 22.7, services: 'petition' })).toBeNull();
  });

  it('names: non-empty, and the first unused number', () => {
    expect(validScenarioName(' ')).toBe(false);
    expect(validScenarioName('方案 2')).toBe(true);
    expect(unusedName(['方案 1', '方案 2'], (n) => `方案 ${n}`)).toBe('方案 3');
    expect(unusedName(['方案 3'], (n) => `方案 ${n}`)).toBe('方案 2');
  });
});

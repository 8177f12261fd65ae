import { describe, expect, it } from 'vitest';
import { memoryStorage as memory } from '../../helpers/memory-storage';
import { loadProposed, PROPOSED_KEY, saveProposed } from '../../../../src/ui/planning/proposed-store';
import { PROPOSED_MAX } from '../../../../src/core/limits';

describe('proposed-store', () => {
  it('saveProposed then loadProposed gives the same halls back', () => {
    const s = memory();
    const halls = [
      { lng: 113.93, lat: 22.77, services: ['legal-aid', 'petition'], name: '' },
      { lng: 113.9, lat: 22.7, services: [], name: '新站 <b>' },
    ];
    saveProposed(halls, s);
    expect(loadProposed(s)).toEqual(halls);
  });

  it('forgets the halls when the list becomes empty', () => {
    const s = memory();
    saveProposed([{ lng: 1, lat: 2, services: [], name: '' }], s);
    saveProposed([], s);
    expect(s.data.has(PROPOSED_KEY)).toBe(false);
    expect(loadProposed(s)).toEqual([]);
  });

  it('drops malformed entries and survives garbage, never throwing', () => {
    const s = memory();
    s.setItem(
      PROPOSED_KEY,
      JSON.stringify([
        { lng: 113.9, lat: 22.7, services: ['petition'] },
        { lng: 'x', lat: 1, services: [] },
        { lng: 200, lat: 1, services: [] },
        null,
        { lng: 1, lat: 1, services: [3] },
      ]),
    );
    expect(loadProposed(s)).toEqual([{ lng: 113.9, lat: 22.7, services: ['petition'], name: '' }]);
    s.setItem(PROPOSED_KEY, '{not json');
    expect(loadProposed(s)).toEqual([]);
    s.setItem(PROPOSED_KEY, '{"lng":1}');
    expect(loadProposed(s)).toEqual([]);
  });

  it('ignores storage that throws (quota exceeded, privacy mode) and missing storage', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveProposed([{ lng: 1, lat: 1, services: [], name: '' }], broken)).not.toThrow();
    expect(loadProposed(broken)).toEqual([]);
    expect(loadProposed(undefined)).toEqual([]);
  });
  it('reads back at most PROPOSED_MAX halls, the first well-formed ones, from a store holding far more', () => {
    const s = memory();
    const stored = Array.from({ length: 20_000 }, (_, i) => ({ lng: 113.9, lat: 22.7 + i * 1e-6, services: ['petition'], name: '' }));
    s.setItem(PROPOSED_KEY, JSON.stringify([{ lng: 'x' }, ...stored]));
    const halls = loadProposed(s);
    expect(halls).toHaveLength(PROPOSED_MAX);
    expect(halls[0]).toEqual(stored[0]);
    expect(halls.at(-1)).toEqual(stored[PROPOSED_MAX - 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../../src/worker/latest-wins';

type Req = { id: number; type: 'load' | 'compute' | 'circles' };

function setup() {
  const ran: number[] = [];
  const dropped: number[] = [];
  const tasks: (() => void)[] = [];
  const q = new LatestWins<Req['type'], Req>(
    ['load', 'compute', 'circles'],
    (r) => ran.push(r.id),
    (r) => dropped.push(r.id),
    (fn) => tasks.push(fn),
  );
  const drain = () => {
    while (tasks.length) tasks.shift()!();
  };
  return { q, ran, dropped, drain };
}

describe('LatestWins', () => {
  it('runs only the newest of the requests of one type that arrived while busy, and reports the others dropped', () => {
    const { q, ran, dropped, drain } = setup();
    for (let id = 1; id <= 5; id++) q.push({ id, type: 'compute' });
    drain();
    expect(ran).toEqual([5]);
    expect(dropped).toEqual([1, 2, 3, 4]);
  });
  it('keeps one waiting request per type and serves them in the given order', () => {
    const { q, ran, dropped, drain } = setup();
    q.push({ id: 1, type: 'circles' });
    q.push({ id: 2, type: 'compute' });
    q.push({ id: 3, type: 'load' });
    q.push({ id: 4, type: 'circles' });
    drain();
    expect(ran).toEqual([3, 2, 4]);
    expect(dropped).toEqual([1]);
  });
  it('answers every request exactly once (run or dropped)', () => {
    const { q, ran, dropped, drain } = setup();
    const types: Req['type'][] = ['compute', 'circles', 'compute', 'load', 'circles', 'compute'];
    types.forEach((type, k) => {
      q.push({ id: k, type });
      if (k === 2) drain(); // some arrive after a run
    });
    drain();
    expect([...ran, ...dropped].sort()).toEqual(types.map((_, k) => k));
  });
  it('keeps serving after a run throws', () => {
    const tasks: (() => void)[] = [];
    const ran: number[] = [];
    const q = new LatestWins<Req['type'], Req>(
      ['compute', 'circles'],
      (r) => {
        if (r.id === 1) throw new Error('boom');
        ran.push(r.id);
      },
      () => {},
      (fn) => tasks.push(fn),
    );
    q.push({ id: 1, type: 'compute' });
    q.push({ id: 2, type: 'circles' });
    expect(() => tasks.shift()!()).toThrow('boom');
    while (tasks.length) tasks.shift()!();
    expect(ran).toEqual([2]);
  });
});

import { describe, expect, it } from 'vitest';
import { OnFirstUse } from '../../../src/worker/on-first-use';

describe('OnFirstUse', () => {
  it('fetches nothing until asked, then once for all callers, and keeps the code', async () => {
    let fetches = 0;
    const code = new OnFirstUse(async () => ({ n: ++fetches }));
    expect(fetches).toBe(0);
    expect(code.value).toBeNull();
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
    expect(code.value).toEqual({ n: 1 });
    await code.load();
    expect(fetches).toBe(1);
  });

  it('forgets a failed fetch, so the next use tries again', async () => {
    let fetches = 0;
    const code = new OnFirstUse(async () => {
      if (++fetches === 1) throw new Error('404');
      return 'ok';
    });
    await expect(code.load()).rejects.toThrow('404');
    expect(code.value).toBeNull();
    await expect(code.load()).resolves.toBe('ok');
    expect(code.value).toBe('ok');
    expect(fetches).toBe(2);
  });
});

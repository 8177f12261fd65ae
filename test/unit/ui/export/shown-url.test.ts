// Unit tests run Svelte's server build, where the constructor's $effect (the
// revocation when the component goes) does not run; the report's browser
// tests show the images it keeps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShownUrl } from '../../../../src/ui/export/shown-url.svelte';

const revoked: string[] = [];
afterEach(() => {
  revoked.length = 0;
  vi.restoreAllMocks();
});

function made(): ShownUrl {
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => void revoked.push(u));
  return new ShownUrl();
}

describe('ShownUrl', () => {
  it('shows each new URL and revokes the one it replaces', () => {
    const shown = made();
    expect(shown.url).toBe('');
    shown.set('blob:a');
    expect([shown.url, revoked]).toEqual(['blob:a', []]);
    shown.set('blob:b');
    expect([shown.url, revoked]).toEqual(['blob:b', ['blob:a']]);
    shown.set('');
    expect([shown.url, revoked]).toEqual(['', ['blob:a', 'blob:b']]);
  });

  it('shows a URL made later only while it is still wanted, revoking a late one at once', async () => {
    const shown = made();
    expect(await shown.show(Promise.resolve('blob:a'), () => true)).toBe(true);
    expect(shown.url).toBe('blob:a');
    expect(await shown.show(Promise.resolve('blob:late'), () => false)).toBe(false);
    expect([shown.url, revoked]).toEqual(['blob:a', ['blob:late']]);
    expect(await shown.show(Promise.resolve(null), () => true)).toBe(false);
    expect(shown.url).toBe('blob:a');
    await expect(shown.show(Promise.reject(new Error('no canvas')), () => true)).rejects.toThrow('no canvas');
    expect(await shown.show(Promise.resolve('blob:b'), () => true)).toBe(true);
    expect([shown.url, revoked]).toEqual(['blob:b', ['blob:late', 'blob:a']]);
  });
});

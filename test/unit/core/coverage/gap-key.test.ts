import { describe, expect, it } from 'vitest';
import { gapKey } from '../../../../src/core/coverage/gap-key';

describe('gapKey', () => {
  it('is the service itself for one service, and "all" for several or none', () => {
    expect(gapKey(['legal-aid'])).toBe('legal-aid');
    expect(gapKey(['legal-aid', 'petition'])).toBe('all');
    expect(gapKey([])).toBe('all');
  });
});

// The one-line message of the InputError a call throws; fails the test when
// the call succeeds or throws anything else.
import { expect } from 'vitest';
import { InputError } from '../../../src/core';

export function inputErrorMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

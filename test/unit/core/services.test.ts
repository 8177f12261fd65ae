import { describe, expect, it } from 'vitest';
import { splitServices } from '../../../src/core/services';

describe('splitServices', () => {
  it('splits on , ; ， ； and 、, trims, drops empties and duplicates, keeps case', () => {
    expect(splitServices(' petition ,legal-aid；psych-support、Petition，petition;; ')).toEqual(['petition', 'legal-aid', 'psych-support', 'Petition']);
  });
  it('accepts an array of strings, splitting each item too', () => {
    expect(splitServices(['petition', ' legal-aid , petition', ''])).toEqual(['petition', 'legal-aid']);
  });
  it('treats missing and null as no services', () => {
    expect(splitServices(undefined)).toEqual([]);
    expect(splitServices(null)).toEqual([]);
  });
  it('returns null for numbers, objects and arrays with non-strings', () => {
    expect(splitServices(3)).toBeNull();
    expect(splitServices({ a: 1 })).toBeNull();
    expect(splitServices(['a', 2])).toBeNull();
  });
});

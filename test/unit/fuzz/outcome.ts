// What every fuzz case must end in: a well-formed result, or one InputError
// whose single-line message names the file. Anything else (TypeError,
// RangeError, a result with NaN or out-of-range coordinates) fails the case.
import { expect } from 'vitest';
import { InputError } from '../../../src/core/input/input-error';
import type { AreaSet, HallSet, PopulationSet } from '../../../src/core/types';

/** Run `parse`; return its result, or null after checking that it threw a proper InputError for `file`. */
export function resultOrInputError<T>(file: string, parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof InputError)) throw e; // fast-check reports it with the counterexample
    checkInputError(e, file);
    return null;
  }
}

/** The message is one short line starting with the file name and agrees with the issue's location. */
export function checkInputError(e: InputError, file: string): void {
  expect(e.issue.file).toBe(file);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(e.message.length).toBeLessThan(400);
  expect(e.issue.message.trim()).not.toBe('');
  if (e.issue.feature !== undefined) {
    expect(Number.isInteger(e.issue.feature) && e.issue.feature >= 0).toBe(true);
    expect(e.message).toContain(e.issue.line !== undefined ? `row ${e.issue.feature + 1} (line ${e.issue.line})` : `feature ${e.issue.feature}`);
  }
  if (e.issue.field !== undefined) expect(e.message).toContain(`field "${e.issue.field}"`);
}

function inRange(lng: ArrayLike<number>, lat: ArrayLike<number>): void {
  for (let i = 0; i < lng.length; i++) {
    if (!(Number.isFinite(lng[i]) && Math.abs(lng[i]) <= 180 && Number.isFinite(lat[i]) && Math.abs(lat[i]) <= 90)) {
      throw new Error(`position ${i} out of range: [${lng[i]}, ${lat[i]}]`);
    }
  }
}

/** Typed arrays of equal length, WGS84 positions in range, names and services clean. */
export function checkHalls(h: HallSet): void {
  expect(h.count).toBeGreaterThan(0);
  for (const len of [h.lng.length, h.lat.length, h.name.length, h.services.length, h.properties.length]) expect(len).toBe(h.count);
  inRange(h.lng, h.lat);
  for (const name of h.name) expect(typeof name === 'string' && name.trim() === name && name !== '').toBe(true);
  for (const p of h.properties) expect(typeof p === 'object' && p !== null && !Array.isArray(p)).toBe(true);
  for (const list of h.services) {
    expect(new Set(list).size).toBe(list.length);
    for (const s of list) expect(typeof s === 'string' && s !== '' && s.trim() === s && s !== 'all').toBe(true);
  }
}

/** Equal-length arrays, positions in range, weights >= 0 adding up to a finite total. */
export function checkPopulation(p: PopulationSet, features: number): void {
  expect(p.count).toBeGreaterThan(0);
  for (const len of [p.lng.length, p.lat.length, p.weight.length, p.feature.length]) expect(len).toBe(p.count);
  inRange(p.lng, p.lat);
  let sum = 0;
  for (let i = 0; i < p.count; i++) {
    expect(Number.isFinite(p.weight[i]) && p.weight[i] >= 0).toBe(true);
    expect(p.feature[i] >= 0 && p.feature[i] < features).toBe(true);
    if (i > 0) expect(p.feature[i]).toBeGreaterThanOrEqual(p.feature[i - 1]);
    sum += p.weight[i];
  }
  expect(Number.isFinite(p.total) && p.total >= 0).toBe(true);
  expect(Math.abs(sum - p.total)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.total));
}

/** One non-empty name per polygon, every vertex finite and in range. */
export function checkAreas(a: AreaSet): void {
  expect(a.names.length).toBe(a.features.length);
  expect(a.names.length).toBeGreaterThan(0);
  for (const n of a.names) expect(typeof n === 'string' && n !== '' && n.trim() === n).toBe(true);
  for (const f of a.features) {
    expect(typeof f.properties === 'object' && f.properties !== null && !Array.isArray(f.properties)).toBe(true);
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys) {
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        inRange(
          ring.map((p) => p[0]),
          ring.map((p) => p[1]),
        );
      }
    }
  }
}

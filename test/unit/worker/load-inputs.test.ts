import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../../src/core';
import { loadInputs, STREAM_CHARS, utf8Pieces, type LoadStage } from '../../../src/worker/load-inputs';

const read = (f: string) => ({ file: f, text: readFileSync(`public/geo/${f}`, 'utf8') });
const files = { halls: read('halls.geojson'), population: read('population.geojson'), areas: read('areas.geojson') };

describe('utf8Pieces', () => {
  it('splits text into UTF-8 pieces that decode back to it, never between the halves of a surrogate pair', () => {
    const text = 'a光😀明'.repeat(50);
    const done: number[] = [];
    const pieces = [...utf8Pieces(text, 3, (n) => done.push(n))];
    expect(pieces.length).toBeGreaterThan(10);
    const dec = new TextDecoder('utf-8', { fatal: true });
    for (const p of pieces) expect(() => dec.decode(p)).not.toThrow();
    expect(pieces.map((p) => dec.decode(p)).join('')).toBe(text);
    expect(done.at(-1)).toBe(text.length);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

describe('loadInputs', () => {
  it('streams the sample population (over the threshold) and gives the engine of the whole-text parsers', () => {
    expect(files.population.text.length).toBeGreaterThanOrEqual(STREAM_CHARS);
    const steps: [LoadStage, number][] = [];
    const e = loadInputs(files, (stage, done) => steps.push([stage, done]));
    const ref = new CoverageEngine(
      parseHalls(files.halls.text, { file: 'halls.geojson' }),
      parsePopulation(files.population.text, { file: 'population.geojson' }),
      parseAreas(files.areas.text, { file: 'areas.geojson' }),
    );
    expect(e.population.weight).toEqual(ref.population.weight);
    expect(e.population.lng).toEqual(ref.population.lng);
    const opts = { radiusM: 500, services: ['legal-aid', 'petition'] };
    expect(e.stats(opts)).toEqual(ref.stats(opts));
    // Progress: in stage order, never backwards, several steps inside the population, ending at 1.
    const order: LoadStage[] = ['halls', 'population', 'areas', 'engine'];
    expect(steps.map(([s]) => order.indexOf(s))).toEqual([...steps.map(([s]) => order.indexOf(s))].sort((a, b) => a - b));
    expect(steps.map(([, d]) => d)).toEqual([...steps.map(([, d]) => d)].sort((a, b) => a - b));
    expect(steps.filter(([s]) => s === 'population').length).toBeGreaterThan(3);
    expect(steps.at(-1)).toEqual(['engine', 1]);
  });
  it('reports a bad feature in a streamed population with the whole-text parser message', () => {
    const fc = JSON.parse(files.population.text);
    fc.features[7].properties.population = 'many';
    const text = JSON.stringify(fc);
    let whole = '';
    try {
      parsePopulation(text, { file: 'p.geojson' });
    } catch (e) {
      whole = (e as Error).message;
    }
    expect(whole).toMatch(/^p\.geojson: feature 7/);
    expect(() => loadInputs({ ...files, population: { file: 'p.geojson', text } })).toThrow(whole);
  });
});

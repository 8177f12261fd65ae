import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../../src/core';
import { bytesSource, type ByteSource } from '../../../src/worker/byte-source';
import { loadInputs, needsFileReading, STREAM_CHARS, type LoadInputs, type LoadStage } from '../../../src/worker/load-inputs';
import { FILE_READING, utf8Pieces } from '../../../src/worker/read-files';

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
  it('parses the sample whole without the file-reading code, and streams a population text over the threshold with it, to the same engine', () => {
    expect(files.population.text.length).toBeLessThan(STREAM_CHARS);
    expect(needsFileReading(files)).toBe(false);
    const sample = loadInputs(files); // no FileReading: it would throw if it were needed
    const ref = new CoverageEngine(
      parseHalls(files.halls.text, { file: 'halls.geojson' }),
      parsePopulation(files.population.text, { file: 'population.geojson' }),
      parseAreas(files.areas.text, { file: 'areas.geojson' }),
    );
    const opts = { radiusM: 500, services: ['legal-aid', 'petition'] };
    expect(sample.stats(opts)).toEqual(ref.stats(opts));
    // The sample's features three times over: a text over the threshold.
    const fc = JSON.parse(files.population.text);
    const big = { file: 'population.geojson', text: JSON.stringify({ ...fc, features: [...fc.features, ...fc.features, ...fc.features] }) };
    expect(big.text.length).toBeGreaterThanOrEqual(STREAM_CHARS);
    expect(needsFileReading({ ...files, population: big })).toBe(true);
    expect(() => loadInputs({ ...files, population: big })).toThrow('file reading code not loaded');
    const steps: [LoadStage, number][] = [];
    const e = loadInputs({ ...files, population: big }, (stage, done) => steps.push([stage, done]), FILE_READING);
    const whole = parsePopulation(big.text, { file: 'population.geojson' });
    expect(e.population.weight).toEqual(whole.weight);
    expect(e.population.lng).toEqual(whole.lng);
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
    const text = JSON.stringify({ ...fc, features: [...fc.features, ...fc.features, ...fc.features] });
    let whole = '';
    try {
      parsePopulation(text, { file: 'p.geojson' });
    } catch (e) {
      whole = (e as Error).message;
    }
    expect(whole).toMatch(/^p\.geojson: feature 7/);
    expect(() => loadInputs({ ...files, population: { file: 'p.geojson', text } }, undefined, FILE_READING)).toThrow(whole);
  });
});

describe('loadInputs from bytes (picked files)', () => {
  const enc = new TextEncoder();
  const fromBytes = (f: { file: string; text: string }) => ({ file: f.file, source: bytesSource(enc.encode(f.text)) });

  it('streams a big population file in slices and gives the engine the texts give, with progress by bytes', () => {
    let largest = 0;
    const src = bytesSource(enc.encode(files.population.text));
    const population = {
      file: 'population.geojson',
      source: { size: src.size, read: (a: number, b: number) => ((largest = Math.max(largest, b - a)), src.read(a, b)) } as ByteSource,
    };
    const steps: number[] = [];
    const e = loadInputs({ halls: fromBytes(files.halls), population, areas: fromBytes(files.areas) }, (_, done) => steps.push(done), FILE_READING);
    expect(largest).toBeLessThan(src.size); // never read whole
    const ref = loadInputs(files);
    expect(e.population.weight).toEqual(ref.population.weight);
    expect(e.population.lat).toEqual(ref.population.lat);
    const opts = { radiusM: 500, services: ['petition'] };
    expect(e.stats(opts)).toEqual(ref.stats(opts));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.filter((d) => d > 0.1 && d < 0.9).length).toBeGreaterThanOrEqual(2); // one per 1 MiB slice of the 1.6 MiB file
  });

  it('reads a GBK halls CSV from bytes whole and decodes it', () => {
    const gbk = Uint8Array.from([...enc.encode('name,lng,lat,services\n'), 0xb9, 0xe2, 0xc3, 0xf7, ...enc.encode(',113.93,22.75,petition\n')]);
    const inputs: LoadInputs = { ...files, halls: { file: 'h.csv', source: bytesSource(gbk) } };
    expect(loadInputs(inputs, undefined, FILE_READING).halls.name).toEqual(['光明']);
  });

  it('falls back to the whole text for a big population file that cannot be streamed, with the same result', () => {
    const fc = JSON.parse(files.population.text);
    const text = JSON.stringify({ features: fc.features, type: 'FeatureCollection' }); // "type" last: not streamed
    const e = loadInputs({ ...files, population: { file: 'p.geojson', source: bytesSource(enc.encode(text)) } }, undefined, FILE_READING);
    expect(e.population.weight).toEqual(parsePopulation(text, { file: 'p.geojson' }).weight);
  });

  it('names the file and feature of a bad feature in a streamed file, as the whole-text parser does', () => {
    const fc = JSON.parse(files.population.text);
    fc.features[3].properties.population = -5;
    const text = JSON.stringify(fc);
    expect(() => loadInputs({ ...files, population: { file: 'p.geojson', source: bytesSource(enc.encode(text)) } }, undefined, FILE_READING)).toThrow(
      'p.geojson: feature 3, field "population": -5 is negative',
    );
  });
});

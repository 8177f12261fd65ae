// The sample's engine for the export tests (one build per test file).
import { readFileSync } from 'node:fs';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../../../src/core';

export function sampleEngine(): CoverageEngine {
  const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
  return new CoverageEngine(
    parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
    parsePopulation(read('population.geojson'), { file: 'population.geojson' }),
    parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
  );
}

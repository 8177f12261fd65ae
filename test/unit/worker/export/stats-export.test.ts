import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOM } from '../../../../src/worker/export/csv-text';
import { statsCsv, statsCsvHeader, statsJson, TOTAL_ROW } from '../../../../src/worker/export/stats-export';
import { sampleEngine } from './sample-engine';

const engine = sampleEngine();

describe('statsJson', () => {
  it('is byte for byte what `npm run analyze --stats` writes for the same radius and services', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sc-stats-'));
    const file = path.join(dir, 'stats.json');
    execFileSync('npx', ['tsx', 'src/cli/analyze.ts', '--halls', 'public/geo/halls.geojson', '--population', 'public/geo/population.geojson',
      '--areas', 'public/geo/areas.geojson', '--radius', '800', '--services', 'legal-aid,petition', '--stats', file], { stdio: 'ignore' });
    expect(statsJson(engine.stats({ radiusM: 800, services: ['legal-aid', 'petition'] }))).toBe(readFileSync(file, 'utf8'));
  });
});

describe('statsCsv', () => {
  const stats = engine.stats({ radiusM: 500, services: ['legal-aid', 'petition', 'psych-support'] });
  const text = statsCsv(stats);
  const [head, ...rows] = text.slice(BOM.length).trimEnd().split('\r\n').map((l) => l.split(','));
  const col = (name: string) => head.indexOf(name);

  it('has a BOM, one row per area in order and the total row last', () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(head).toEqual(statsCsvHeader(stats));
    expect(rows.map((r) => r[0])).toEqual([...stats.areas.map((a) => a.name), TOTAL_ROW]);
  });
  it('writes the engine numbers: population, covered, share and uncovered per service and all', () => {
    const all = [...stats.areas, stats.total];
    rows.forEach((r, k) => {
      const a = all[k];
      expect(Number(r[col('population')])).toBe(a.population);
      expect(Number(r[col('halls')])).toBe(a.halls.total);
      for (const key of [...stats.services, 'all']) {
        expect(Number(r[col(`covered_${key}`)])).toBe(a.covered[key]);
        expect(Number(r[col(`share_${key}`)])).toBe(a.share[key]);
        expect(Number(r[col(`uncovered_${key}`)])).toBe(a.population - a.covered[key]);
        expect(Number(r[col(`nearest_p90_m_${key}`)])).toBeCloseTo(a.nearestHallM[key].p90, 1);
      }
    });
  });
  it('has area rows that add up to the total row', () => {
    const sum = (c: string) => rows.slice(0, -1).reduce((s, r) => s + Number(r[col(c)]), 0);
    for (const c of ['population', 'covered_petition', 'covered_all', 'halls']) expect(sum(c), c).toBe(Number(rows.at(-1)![col(c)]));
  });
});

// The command line and the app write their files through one home,
// src/core/export: the same inputs give the same bytes. The CLI runs in
// process (runAnalyze) on the sample; the app's side is the worker's
// planning session on an engine built from the same files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAreas, parseHalls } from '../../../src/core';
import { runAnalyze } from '../../../src/cli/run-analyze';
import { PlanningSession } from '../../../src/worker/planning-session';
import { sampleEngine } from '../core/export/sample-engine';
import { loadInputs } from '../../../src/worker/load-inputs';
import { SAMPLE_GROUPS } from '../../../src/ui/load-sample';
import { sampleArgs } from '../helpers/run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'same-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SAMPLE = sampleArgs();
const session = new PlanningSession(sampleEngine());

function cli(args: string[]): { code: number; stdout: string } {
  let stdout = '';
  const code = runAnalyze(args, { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, stdout };
}

describe('the CLI and the app write the same files', () => {
  it.each([
    [500, ['legal-aid']],
    [800, ['legal-aid', 'petition', 'psych-support']],
  ] as const)('radius %i, services %j: stats JSON byte for byte, and the gap zones of the shown key byte for byte', (radiusM, services) => {
    const stats = join(tmp, `stats-${radiusM}.json`),
      gaps = join(tmp, `gaps-${radiusM}.geojson`);
    expect(cli([...SAMPLE, '--radius', String(radiusM), '--services', services.join(';'), '--stats', stats, '--gaps', gaps]).code).toBe(0);
    const req = { radiusM, services: [...services], crs: 'wgs84' as const };
    expect(readFileSync(stats, 'utf8')).toBe(session.exportFile({ ...req, file: 'stats-json' }).text);

    // The CLI writes every key's zones; the app the shown key's, named in "service".
    const app = session.exportFile({ ...req, file: 'gaps-geojson' }).text;
    const { features, ...members } = JSON.parse(readFileSync(gaps, 'utf8')) as { features: { properties: { service: string } }[] };
    const service = (JSON.parse(app) as { service: string }).service;
    const shown = features.filter((f) => f.properties.service === service);
    expect(shown.length).toBeGreaterThan(0);
    expect(`${JSON.stringify({ ...members, service, features: shown })}\n`).toBe(app);
  });

  it('with the communities as a second --areas and a --target: the app’s stats JSON (levels, target, meets_target) byte for byte', () => {
    const communities = 'public/geo/communities.geojson';
    const levels = [{ file: communities, field: 'name', areas: parseAreas(readFileSync(communities, 'utf8'), { file: communities }) }];
    const out = join(tmp, 'stats-levels.json');
    expect(cli([...SAMPLE, '--areas', communities, '--radius', '600', '--services', 'petition', '--target', '0.9', '--stats', out]).code).toBe(0);
    const app = session.exportFile({ file: 'stats-json', radiusM: 600, services: ['petition'], crs: 'wgs84', target: 0.9 }, levels).text;
    expect(app).toBe(readFileSync(out, 'utf8'));
    const json = JSON.parse(app) as { target: number; levels: { areas: { parent: string | null; meets_target: Record<string, boolean | null> }[] }[] };
    expect(json.target).toBe(0.9);
    expect(json.levels[0].areas.filter((a) => a.parent !== null)).toHaveLength(31);
    expect(json.levels[0].areas.every((a) => 'meets_target' in a)).toBe(true);
  });

  it('with --group-fields age65 (the sample as the app loads it): the app’s stats JSON carries the same groups in every block, byte for byte', () => {
    const communities = 'public/geo/communities.geojson';
    const text = (f: string) => ({ file: `public/geo/${f}`, text: readFileSync(`public/geo/${f}`, 'utf8') });
    // The worker's own reading, with the groups the app's sample load asks for.
    const engine = loadInputs({
      halls: text('halls.geojson'),
      population: { ...text('population.geojson'), groupFields: [...SAMPLE_GROUPS] },
      areas: text('areas.geojson'),
    });
    const levels = [{ file: communities, field: 'name', areas: parseAreas(readFileSync(communities, 'utf8'), { file: communities }) }];
    const out = join(tmp, 'stats-groups.json');
    const args = [...SAMPLE, '--areas', communities, '--group-fields', SAMPLE_GROUPS.join(','), '--radius', '700', '--services', 'petition;legal-aid'];
    expect(cli([...args, '--target', '0.8', '--stats', out]).code).toBe(0);
    const app = new PlanningSession(engine).exportFile(
      { file: 'stats-json', radiusM: 700, services: ['legal-aid', 'petition'], crs: 'wgs84', target: 0.8 },
      levels,
    ).text;
    expect(app).toBe(readFileSync(out, 'utf8'));
    type Block = { population: number; groups: Record<string, { population: number; covered: Record<string, number> }> };
    const json = JSON.parse(app) as { total: Block; areas: Block[]; levels: { areas: Block[] }[] };
    for (const b of [json.total, ...json.areas, ...json.levels[0].areas]) {
      expect(Object.keys(b.groups)).toEqual(['age65']);
      expect(b.groups.age65.covered.all).toBeLessThanOrEqual(b.groups.age65.population);
    }
    expect(json.total.groups.age65.population).toBe(43_812); // the sample's modelled 65+ count (public/geo/README.md)
  });

  it('reads the proposed halls file the app writes as its --halls, halls as proposed, stats as the app gives them', () => {
    const proposed = [
      { id: 1, lng: 113.92, lat: 22.79, services: ['legal-aid'], name: '新馆甲' },
      { id: 2, lng: 113.95, lat: 22.75, services: ['legal-aid', 'petition'], name: '新馆乙' },
    ];
    const text = session.exportFile({ file: 'halls-geojson', radiusM: 500, services: ['legal-aid'], crs: 'wgs84', proposed, suggested: [] }).text;
    const halls = parseHalls(text, { file: 'halls.geojson' });
    expect(halls.name).toEqual(proposed.map((h) => h.name));
    expect(halls.services).toEqual(proposed.map((h) => h.services));
    expect([...halls.lng, ...halls.lat]).toEqual([...proposed.map((h) => h.lng), ...proposed.map((h) => h.lat)]);

    const path = join(tmp, 'proposed.geojson');
    const out = join(tmp, 'proposed-stats.json');
    writeFileSync(path, text);
    expect(cli(['--halls', path, ...SAMPLE.slice(2), '--radius', '500', '--stats', out]).code).toBe(0);
    const fromCli = JSON.parse(readFileSync(out, 'utf8')) as { total: { halls: { total: number } } };
    expect(fromCli.total.halls.total).toBe(2);
  });
});

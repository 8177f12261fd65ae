// Fuzz: names built to drive a terminal (escape sequences, CR/LF, C1
// controls, line separators, bidirectional overrides) never reach it: the
// summary table and every message of `analyze` show them as spaces, the
// table keeps one line per area, and the stats JSON keeps the names as they are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryTable } from '../../../src/cli/summary-table';
import type { Stats } from '../../../src/core/types';
import { runCli } from '../helpers/run-cli';
import { TERMINAL_CONTROL, terminalText } from './edge-arbitraries';
import { fuzzParams } from './fuzz-config';

const tmp = mkdtempSync(join(tmpdir(), 'fuzz-terminal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

const fcText = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const square = (name: string, x: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 22.7],
        [x + 0.01, 22.7],
        [x + 0.01, 22.71],
        [x, 22.71],
        [x, 22.7],
      ],
    ],
  },
});

// Names as parseAreas keeps them: trimmed, unique, not the outside bucket.
const areaNames = fc.uniqueArray(
  terminalText.map((s) => s.trim()).filter((s) => s !== '' && s !== '(outside areas)'),
  { minLength: 1, maxLength: 4 },
);
const serviceNames = fc.uniqueArray(
  terminalText.map((s) => s.trim()).filter((s) => s !== '' && !/[,;，；、]/.test(s)),
  { minLength: 1, maxLength: 3 },
);

describe('fuzz: text on the terminal', () => {
  it('summaryTable shows no control character and one line per area', () => {
    fc.assert(
      fc.property(areaNames, serviceNames, (areas, services) => {
        const block = {
          population: 10,
          covered: Object.fromEntries([...services, 'all'].map((k) => [k, 5])),
          share: Object.fromEntries([...services, 'all'].map((k) => [k, 0.5])),
          halls: { total: 0, byService: {} },
          nearestHallM: {},
        };
        const stats: Stats = { radius_m: 500, services, total: block, areas: areas.map((name) => ({ name, ...block })) };
        const out = summaryTable(stats);
        expect(out).not.toMatch(TERMINAL_CONTROL);
        expect(out.split('\n')).toHaveLength(areas.length + 3);
      }),
      fuzzParams(500),
    );
  });

  it('analyze prints no control character on stderr, in the table or in a message, and keeps the names in the JSON', () => {
    fc.assert(
      fc.property(areaNames, serviceNames, terminalText, (areas, services, asked) => {
        const dir = mkdtempSync(join(tmp, `t${n++}-`));
        const files = { halls: join(dir, 'h.geojson'), population: join(dir, 'p.geojson'), areas: join(dir, 'a.geojson') };
        writeFileSync(
          files.halls,
          fcText([{ type: 'Feature', properties: { name: 'h', services }, geometry: { type: 'Point', coordinates: [113.905, 22.705] } }]),
        );
        // One person in each area and one outside them all, so every row is there.
        const people = [...areas.map((_, k) => [113.905 + 0.02 * k, 22.705]), [113.8, 22.8]];
        writeFileSync(
          files.population,
          fcText(people.map((c) => ({ type: 'Feature', properties: { population: 1 }, geometry: { type: 'Point', coordinates: c } }))),
        );
        writeFileSync(files.areas, fcText(areas.map((name, k) => square(name, 113.9 + 0.02 * k))));
        const args = ['--halls', files.halls, '--population', files.population, '--areas', files.areas];
        const ok = runCli(args);
        expect(ok.status).toBe(0);
        expect(ok.stderr).not.toMatch(TERMINAL_CONTROL);
        expect(ok.stderr.split('\n')).toHaveLength(areas.length + 5); // radius, header, areas, outside, total, final newline
        const stats = JSON.parse(ok.stdout) as Stats;
        expect(stats.areas.map((a) => a.name)).toEqual([...areas, '(outside areas)']);
        // A service no hall offers, named in the message with the ones found.
        if (!services.includes(asked.trim())) {
          const bad = runCli([...args, '--services', asked]);
          expect(bad.stderr).not.toMatch(TERMINAL_CONTROL);
          expect(bad.stderr.split('\n')).toHaveLength(2);
        }
      }),
      fuzzParams(40),
    );
  });
});

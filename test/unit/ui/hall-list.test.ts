import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../../src/core';
import { buildLayers } from '../../../src/worker/build-layers';
import { listedHalls } from '../../../src/ui/hall-list';
import { tableColumns } from '../../../src/ui/table-columns';
import { loadStrings, STRINGS } from '../../../src/ui/i18n';

// English is a chunk the page fetches when it first shows it.
await loadStrings('en');

describe('listedHalls', () => {
  const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
  const engine = new CoverageEngine(
    parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
    parsePopulation(read('population.geojson'), { file: 'population.geojson' }),
    parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
  );
  const halls = buildLayers(engine).halls;
  const choices = [['petition'], ['legal-aid'], ['psych-support'], ['legal-aid', 'petition', 'psych-support']];

  it('lists as many halls per subdistrict, and in all, as the table’s hall column shows, for every service choice', () => {
    for (const services of choices) {
      const stats = engine.stats({ radiusM: 500, services });
      const col = tableColumns(services, STRINGS.zh, 'zh').find((c) => c.key === 'halls')!;
      engine.areas.names.forEach((name, g) => {
        const row = stats.areas.find((a) => a.name === name)!;
        expect(listedHalls(halls, g, services).length, `${name} ${services}`).toBe(col.value(row));
      });
      expect(listedHalls(halls, null, services).length, `${services}`).toBe(col.value(stats.total));
    }
  });

  it('lists, for one service, exactly the halls of the area that offer it, in file order', () => {
    const got = listedHalls(halls, 2, ['legal-aid']);
    const want = [...engine.hallArea.keys()].filter((h) => engine.hallArea[h] === 2 && engine.halls.services[h].includes('legal-aid'));
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(listedHalls(halls, 2, ['petition']).length); // legal aid is not everywhere in the sample
  });
});

// The big inputs of issue 7, generated with a fixed seed (7) so every run of
// every benchmark and browser test measures the same data: POINTS population
// points (about 126 bytes each, so 1 000 000 points ≈ 127 MiB of GeoJSON),
// HALLS halls (CSV) and six areas (vertical strips), all around Guangming.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../scripts/sample/prng';

const BBOX = [113.82, 22.66, 114.02, 22.86]; // degrees, around Guangming
const SERVICES = ['petition', 'legal-aid', 'psych-support'];

export interface BigInput {
  population: string; // path of the GeoJSON
  halls: string; // path of the CSV
  areas: string; // path of the GeoJSON
  totalPopulation: number; // people in the population file
}

/** Write the seed-7 population, halls and areas files into `dir`. */
export function generateBigInput(dir: string, points: number, halls: number): BigInput {
  const rand = mulberry32(7);
  const at = (k: 0 | 1) => BBOX[k] + rand() * (BBOX[k + 2] - BBOX[k]);
  const population = join(dir, 'population.geojson');
  const fd = openSync(population, 'w');
  let totalPopulation = 0;
  writeSync(fd, '{"type":"FeatureCollection","features":[\n');
  const BATCH = 10_000;
  for (let start = 0; start < points; start += BATCH) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(points, start + BATCH); i++) {
      const x = at(0).toFixed(6);
      const y = at(1).toFixed(6);
      const people = Math.floor(rand() * 60);
      totalPopulation += people;
      lines.push(`{"type":"Feature","properties":{"population":${people},"cell":"c${i}"},"geometry":{"type":"Point","coordinates":[${x},${y}]}}`);
    }
    writeSync(fd, lines.join(',\n') + (start + BATCH < points ? ',\n' : '\n'));
  }
  writeSync(fd, ']}\n');
  closeSync(fd);

  const hallRows = ['name,lng,lat,services'];
  for (let h = 0; h < halls; h++) {
    const offered = SERVICES.filter(() => rand() < 0.6);
    hallRows.push(`服务站 ${h + 1},${at(0).toFixed(6)},${at(1).toFixed(6)},"${offered.join('，')}"`);
  }
  const hallsPath = join(dir, 'halls.csv');
  writeFileSync(hallsPath, `${hallRows.join('\n')}\n`);

  const strips = Array.from({ length: 6 }, (_, k) => {
    const x0 = BBOX[0] + ((BBOX[2] - BBOX[0]) * k) / 6;
    const x1 = BBOX[0] + ((BBOX[2] - BBOX[0]) * (k + 1)) / 6;
    return {
      type: 'Feature',
      properties: { name: `街道 ${k + 1}` },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x0, BBOX[1]],
            [x1, BBOX[1]],
            [x1, BBOX[3]],
            [x0, BBOX[3]],
            [x0, BBOX[1]],
          ],
        ],
      },
    };
  });
  const areas = join(dir, 'areas.geojson');
  writeFileSync(areas, JSON.stringify({ type: 'FeatureCollection', features: strips }));
  return { population, halls: hallsPath, areas, totalPopulation };
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOM } from '../../../../src/core/export/csv-text';
import { percent1, statsCsv, statsCsvHeader, statsJson } from '../../../../src/core/export/stats-export';
import { formatShare } from '../../../../src/ui/format';
import { OUTSIDE_AREAS } from '../../../../src/core/types';
import { readCsv } from '../../helpers/read-csv';
import { runCli, sampleArgs } from '../../helpers/run-cli';
import { labelsFor } from './labels';
import { sampleEngine } from './sample-engine';
import { withTarget } from '../../../../src/core/coverage/stats-target';
import { csvLabels } from '../../../../src/ui/export/csv-labels';
import { loadStrings, STRINGS } from '../../../../src/ui/i18n';

// English is a chunk the page fetches when it first shows it.
await loadStrings('en');

const engine = sampleEngine();

describe('statsJson', () => {
  it('is byte for byte what `npm run analyze --stats` writes for the same radius and services', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sc-stats-'));
    const file = path.join(dir, 'stats.json');
    // The CLI's own runAnalyze in this process, writing the file as `npm run analyze` does, without a tsx start-up.
    const run = runCli(sampleArgs('--radius', '800', '--services', 'legal-aid,petition', '--stats', file));
    expect(run.status, run.stderr).toBe(0);
    const written = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    // The sample's halls carry (modelled) capacities, so both carry the capacity fields.
    expect(statsJson(engine.capacityStats({ radiusM: 800, services: ['legal-aid', 'petition'] }))).toBe(written);
  });
});

describe('percent1', () => {
  it('is the district table’s share without the % sign: one decimal, rounded the same way', () => {
    for (const x of [0, 1, 0.8734, 0.00049, 0.99951, 0.1235, 2 / 3]) expect(`${percent1(x)}%`).toBe(formatShare(x));
  });
});

describe('statsCsv for one service', () => {
  const stats = engine.stats({ radiusM: 500, services: ['legal-aid'] });
  const text = statsCsv(stats, labelsFor('en', ['legal-aid'], 'stats'));
  const [title, head, ...rows] = readCsv(text);
  const col = (name: string) => head.indexOf(name);
  const areaName = (n: string) => (n === OUTSIDE_AREAS ? 'Outside the areas' : n);

  it('has a BOM, a title without coordinates, and only that service’s columns, named in English', () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(title).toEqual([
      'Service Circles district statistics · Public legal service · radius 500 m · 2026-12-06 · sample data: approximate subdistricts and communities; modelled population and halls',
    ]);
    expect(head).toEqual([
      'Subdistrict',
      'Population',
      'Halls offering Public legal service',
      'Covered: Public legal service',
      'Share covered: Public legal service (%)',
      'Uncovered: Public legal service',
      'Nearest hall, median: Public legal service (m)',
      'Nearest hall, 90th percentile: Public legal service (m)',
      'Nearest hall, farthest person: Public legal service (m)',
    ]);
    expect(head).toEqual(statsCsvHeader(stats, labelsFor('en', ['legal-aid'], 'stats')));
    expect(head.join('|')).not.toMatch(/every service|Missing any/);
  });
  it('has Chinese column names for the Chinese interface, none of them for "all"', () => {
    const [t, h] = readCsv(statsCsv(stats, labelsFor('zh', ['legal-aid'], 'stats')));
    expect(t[0]).toMatch(/^服务圈 街道统计 · 公共法律服务 · 服务半径 500 米 · 2026-12-06 · 示例数据/);
    expect(h).toEqual([
      '街道',
      '人口',
      '提供公共法律服务的服务点数',
      '公共法律服务覆盖人口',
      '公共法律服务覆盖率（%）',
      '公共法律服务未覆盖人口',
      '公共法律服务最近服务点距离中位数（米）',
      '公共法律服务最近服务点距离90%分位数（米）',
      '公共法律服务最近服务点距离最大值（米）',
    ]);
  });
  it('writes one row per area in order, then the total row, with the engine’s exact people and the table’s shares', () => {
    expect(rows.map((r) => r[0])).toEqual([...stats.areas.map((a) => areaName(a.name)), 'District total']);
    [...stats.areas, stats.total].forEach((a, k) => {
      const r = rows[k];
      expect(r).toHaveLength(head.length);
      expect(Number(r[col('Population')])).toBe(a.population);
      expect(Number(r[col('Halls offering Public legal service')])).toBe(a.halls.byService['legal-aid']);
      expect(Number(r[col('Covered: Public legal service')])).toBe(a.covered['legal-aid']);
      expect(`${r[col('Share covered: Public legal service (%)')]}%`).toBe(formatShare(a.share['legal-aid']));
      expect(Number(r[col('Uncovered: Public legal service')])).toBe(a.population - a.covered['legal-aid']);
      expect(Number(r[col('Nearest hall, 90th percentile: Public legal service (m)')])).toBeCloseTo(a.nearestHallM['legal-aid'].p90, 1);
    });
  });
  it('has area rows that add up to the total row', () => {
    const sum = (c: number) => rows.slice(0, -1).reduce((s, r) => s + Number(r[c]), 0);
    for (const c of [1, 2, 3, 5]) expect(sum(c), head[c]).toBe(Number(rows.at(-1)![c]));
  });
});

describe('statsCsv for all three services', () => {
  const services = engine.services;
  const stats = engine.stats({ radiusM: 500, services });
  const [, head, ...rows] = readCsv(statsCsv(stats, labelsFor('zh', services, 'stats')));
  const col = (name: string) => head.indexOf(name);

  it('has columns per service and for people covered by every service, and all halls', () => {
    expect(head.slice(0, 6)).toEqual(['街道', '人口', '服务点数', '提供公共法律服务的服务点数', '提供诉求服务的服务点数', '提供社会心理服务的服务点数']);
    for (const n of ['诉求服务覆盖人口', '全部服务覆盖人口', '全部服务覆盖率（%）', '缺任一服务人口', '全部服务最近服务点距离最大值（米）'])
      expect(head, n).toContain(n);
    expect(head).toHaveLength(6 + 4 * 6);
  });
  it('writes the engine numbers per service and for all', () => {
    [...stats.areas, stats.total].forEach((a, k) => {
      const r = rows[k];
      expect(Number(r[col('服务点数')])).toBe(a.halls.total);
      expect(Number(r[col('诉求服务覆盖人口')])).toBe(a.covered.petition);
      expect(Number(r[col('全部服务覆盖人口')])).toBe(a.covered.all);
      expect(r[col('全部服务覆盖率（%）')]).toBe(percent1(a.share.all));
      expect(Number(r[col('缺任一服务人口')])).toBe(a.population - a.covered.all);
    });
    expect(rows.at(-1)![0]).toBe('全区合计');
  });
});

describe('statsCsv with a coverage target', () => {
  const services = engine.services;
  const radius = { zh: '500 米', en: '500 m' } as const;
  const labels = (lang: 'zh' | 'en', target: number | null) =>
    csvLabels(STRINGS[lang], services, { kind: 'stats', key: 'all', radius: radius[lang], date: '2026-12-06', crs: null, sample: true, target });

  it('adds, per service and all, whether each row meets it, after the other columns; without a target the columns are the same as before', () => {
    const plain = engine.stats({ radiusM: 500, services });
    const stats = withTarget(plain, 0.9);
    const [, head, ...rows] = readCsv(statsCsv(stats, labels('zh', 0.9)));
    const [, plainHead, ...plainRows] = readCsv(statsCsv(plain, labels('zh', null)));
    expect(head.slice(0, plainHead.length)).toEqual(plainHead);
    expect(head.slice(plainHead.length)).toEqual([
      '公共法律服务达到覆盖目标 90.0%',
      '诉求服务达到覆盖目标 90.0%',
      '社会心理服务达到覆盖目标 90.0%',
      '全部服务达到覆盖目标 90.0%',
    ]);
    [...stats.areas, stats.total].forEach((a, k) => {
      expect(rows[k].slice(0, plainHead.length)).toEqual(plainRows[k]);
      const want = [...services, 'all'].map((s) => (a.meets_target![s] === null ? '' : a.meets_target![s] ? '是' : '否'));
      expect(rows[k].slice(plainHead.length), rows[k][0]).toEqual(want);
    });
    expect(rows.flat()).toContain('否'); // some area of the sample is below 90 %
  });
  it('marks a row exactly at the target as meeting it, in English words too', () => {
    const plain = engine.stats({ radiusM: 500, services: ['petition'] });
    const at = plain.areas[0].share.petition;
    const [, head, ...rows] = readCsv(statsCsv(withTarget(plain, at), labels('en', at)));
    expect(head.at(-1)).toMatch(/^Petition.* meets the coverage target of \d+\.\d%$/);
    expect(rows[0].at(-1)).toBe('yes');
  });
});

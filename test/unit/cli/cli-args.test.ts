import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs, UsageError } from '../../../src/cli/cli-args';

const base = ['--halls', 'h.csv', '--population', 'p.geojson', '--areas', 'a.geojson'];

function usage(argv: string[]): string {
  try {
    parseAnalyzeArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseAnalyzeArgs', () => {
  it('fills the documented defaults', () => {
    expect(parseAnalyzeArgs(base)).toEqual({
      help: false,
      halls: 'h.csv',
      hallsCrs: 'wgs84',
      population: 'p.geojson',
      populationField: 'population',
      populationCrs: 'wgs84',
      areas: 'a.geojson',
      areaField: 'name',
      areasCrs: 'wgs84',
      levels: [],
      target: null,
      groupFields: [],
      radiusM: 500,
      services: null,
      stats: null,
      gaps: null,
      report: null,
      reportLang: 'zh',
      roads: null,
      roadsCrs: 'wgs84',
      distance: 'straight',
    });
  });

  it('reads --report and --report-lang (zh or en, any case), and refuses a language without a report (issue 18)', () => {
    expect(parseAnalyzeArgs([...base, '--report', 'r.html'])).toMatchObject({ report: 'r.html', reportLang: 'zh' });
    expect(parseAnalyzeArgs([...base, '--report', 'r.html', '--report-lang', 'EN'])).toMatchObject({ report: 'r.html', reportLang: 'en' });
    expect(() => parseAnalyzeArgs([...base, '--report', 'r.html', '--report-lang', 'de'])).toThrow('--report-lang: "de" is not one of zh, en');
    expect(() => parseAnalyzeArgs([...base, '--report-lang', 'en'])).toThrow('--report-lang needs --report FILE');
  });

  it('reads the roads options and refuses network distance without roads (issue 17)', () => {
    expect(parseAnalyzeArgs([...base, '--roads', 'r.geojson', '--roads-crs', 'BD09', '--distance', 'Network'])).toMatchObject({
      roads: 'r.geojson',
      roadsCrs: 'bd09',
      distance: 'network',
    });
    expect(() => parseAnalyzeArgs([...base, '--distance', 'network'])).toThrow('--distance network needs --roads FILE');
    expect(() => parseAnalyzeArgs([...base, '--roads', 'r.geojson', '--roads-crs', 'utm'])).toThrow('--roads-crs: "utm" is not one of wgs84, gcj02, bd09');
  });

  it('reads every option, splitting services like hall services and accepting CRS names in any case', () => {
    const a = parseAnalyzeArgs([
      ...base,
      '--halls-crs',
      'GCJ02',
      '--population-crs',
      'bd09',
      '--radius',
      '750.5',
      '--services',
      'petition；legal-aid, petition',
      '--population-field',
      'pop',
      '--area-field',
      '街道',
      '--stats',
      's.json',
      '--gaps',
      'g.geojson',
    ]);
    expect([a.hallsCrs, a.populationCrs, a.areasCrs, a.radiusM, a.services, a.populationField, a.areaField, a.stats, a.gaps]).toEqual([
      'gcj02',
      'bd09',
      'wgs84',
      750.5,
      ['petition', 'legal-aid'],
      'pop',
      '街道',
      's.json',
      'g.geojson',
    ]);
  });

  it('returns help without requiring files', () => {
    expect(parseAnalyzeArgs(['-h']).help).toBe(true);
  });

  it('rejects bad flags with one line each', () => {
    expect(usage(['--halls', 'h.csv'])).toBe('--population FILE is required (see --help)');
    expect(usage([...base, '--radius', 'far'])).toBe('--radius: "far" is not a number of metres >= 0');
    expect(usage([...base, '--radius', ' '])).toBe('--radius: " " is not a number of metres >= 0');
    expect(usage([...base, '--radius=Infinity'])).toBe('--radius: "Infinity" is not a number of metres >= 0');
    expect(usage([...base, '--radius', '0x1F4'])).toBe('--radius: "0x1F4" is not a number of metres >= 0');
    expect(usage([...base, '--radius', '0b1'])).toBe('--radius: "0b1" is not a number of metres >= 0');
    for (const ok of ['500', '750.5', '.5', '5e2', '1E3', '0']) expect(parseAnalyzeArgs([...base, '--radius', ok]).radiusM).toBe(Number(ok));
    expect(usage([...base, '--services', ' ,、'])).toMatch(/^--services: give at least one service/);
    expect(usage([...base, '--area-field', ''])).toBe('--area-field: the property name is empty');
    expect(usage([...base, 'extra.geojson'])).toMatch(/^Unexpected argument 'extra\.geojson'/);
    expect(usage([...base, '--radius', '-1'])).not.toContain('\n');
  });

  it('refuses an option given twice instead of keeping the last', () => {
    expect(usage([...base, '--radius', '100', '--radius=2000'])).toBe('--radius is given 2 times ("100", "2000"): give it once');
    expect(usage([...base, '--halls', 'b.csv'])).toBe('--halls is given 2 times ("h.csv", "b.csv"): give it once');
    expect(usage([...base, '--stats', 's', '--services', 'x', '--stats', 's'])).toBe('--stats is given 2 times ("s", "s"): give it once');
    expect(parseAnalyzeArgs(['-h', '--help']).help).toBe(true);
  });

  it('takes --areas more than once as levels, coarse to fine, each with its --area-field (issue 16)', () => {
    const two = [...base, '--areas', 'c.geojson'];
    expect(parseAnalyzeArgs(two)).toMatchObject({ areas: 'a.geojson', areaField: 'name', levels: [{ file: 'c.geojson', field: 'name' }] });
    expect(parseAnalyzeArgs([...two, '--area-field', 'n'])).toMatchObject({ areaField: 'n', levels: [{ file: 'c.geojson', field: 'n' }] });
    expect(parseAnalyzeArgs([...two, '--area-field', 'n', '--area-field', 'm'])).toMatchObject({ areaField: 'n', levels: [{ file: 'c.geojson', field: 'm' }] });
    expect(usage([...two, '--area-field', 'n', '--area-field', 'm', '--area-field', 'k'])).toBe(
      '--area-field is given 3 times but --areas 2 times: give it once for every level, or once per --areas in the same order',
    );
    expect(usage([...base, '--area-field', 'n', '--area-field', 'm'])).toBe(
      '--area-field is given 2 times but --areas 1 times: give it once for every level, or once per --areas in the same order',
    );
    expect(usage([...two, '--area-field', 'n', '--area-field', ' '])).toBe('--area-field: the property name is empty');
    expect(usage(['--halls', 'h.csv', '--population', 'p.geojson'])).toBe('--areas FILE is required (see --help)');
  });
});

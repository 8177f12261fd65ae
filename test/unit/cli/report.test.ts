// `analyze --report` (issue 18): the printable HTML report. Its table holds
// the numbers of the stats JSON written by the same run, its gap list the
// --gaps file's; it is one self-contained file that runs nothing and fetches
// nothing; data text is escaped; it is an output like --stats and --gaps.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../../../src/core/report/report-html';
import type { AreaStats, GapCollection, Stats } from '../../../src/core/types';
import { ROOT, runCli } from '../helpers/run-cli';

const POINTS = join(ROOT, 'test/fixtures/points');
const POLYGONS = join(ROOT, 'test/fixtures/polygons');
const SAMPLE = join(ROOT, 'public/geo');
const tmp = mkdtempSync(join(tmpdir(), 'report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

const inputs = (dir: string, halls = 'halls.csv') => [
  '--halls',
  join(dir, halls),
  '--population',
  join(dir, 'population.geojson'),
  '--areas',
  join(dir, 'areas.geojson'),
];
const POLYGON_ARGS = [...inputs(POLYGONS), ...(JSON.parse(readFileSync(join(POLYGONS, 'args.json'), 'utf8')) as string[])];

interface Run {
  stats: Stats;
  gaps: GapCollection;
  html: string;
}

/** One run writing stats, gaps and report into a fresh folder. */
function run(args: string[]): Run {
  const dir = join(tmp, `r${n++}`);
  mkdirSync(dir);
  const out = { stats: join(dir, 'stats.json'), gaps: join(dir, 'gaps.geojson'), report: join(dir, 'report.html') };
  const r = runCli([...args, '--stats', out.stats, '--gaps', out.gaps, '--report', out.report]);
  expect(r.stderr).not.toMatch(/^analyze:/m);
  expect(r.status).toBe(0);
  return {
    stats: JSON.parse(readFileSync(out.stats, 'utf8')) as Stats,
    gaps: JSON.parse(readFileSync(out.gaps, 'utf8')) as GapCollection,
    html: readFileSync(out.report, 'utf8'),
  };
}

const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** Rows of the report's table with this class: the row name, then each cell's text by its data-col. */
function tableRows(html: string, cls: string): { name: string; cells: Map<string, string> }[] {
  const table = new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`).exec(html);
  expect(table, `table.${cls}`).not.toBeNull();
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table![1])![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) => {
    const cells = new Map<string, string>();
    for (const c of tr[1].matchAll(/<t[hd][^>]*data-col="([^"]*)"[^>]*>([\s\S]*?)<\/t[hd]>/g)) cells.set(decode(c[1]), decode(c[2]));
    return { name: cells.get('area') ?? '', cells };
  });
}

/** A printed number: thousands separators dropped, a trailing % read as percent. */
const printed = (text: string) => Number(text.replace(/,/g, '').replace(/%$/, ''));

// People print exactly when whole, else to one decimal; shares as percentages to one decimal.
function expectPeople(text: string | undefined, value: number): void {
  expect(text).toBeDefined();
  if (Number.isInteger(value)) expect(printed(text!)).toBe(value);
  else expect(Math.abs(printed(text!) - value)).toBeLessThanOrEqual(0.05 + 1e-9);
}
function expectShare(text: string | undefined, share: number): void {
  expect(text).toMatch(/^\d+\.\d%$/);
  expect(Math.abs(printed(text!) - share * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
}

/** Every cell of the district table against the stats JSON, and no cell unchecked. */
function expectTableEqualsStats(html: string, stats: Stats, names: { total: string; outside: string }): void {
  const rows = tableRows(html, 'districts');
  const blocks: [string, Omit<AreaStats, 'name'>][] = [
    ...stats.areas.map((a): [string, AreaStats] => [a.name === '(outside areas)' ? names.outside : a.name, a]),
    [names.total, stats.total],
  ];
  expect(rows.map((r) => r.name)).toEqual(blocks.map((b) => b[0]));
  const several = stats.services.length > 1;
  const keys = several ? [...stats.services, 'all'] : stats.services;
  const key = several ? 'all' : stats.services[0];
  rows.forEach(({ cells }, i) => {
    const a = blocks[i][1];
    const checked = new Set(['area', 'population', `uncovered:${key}`]);
    expectPeople(cells.get('population'), a.population);
    expectPeople(cells.get(`uncovered:${key}`), a.population - a.covered[key]);
    if (several) {
      expect(printed(cells.get('halls')!)).toBe(a.halls.total);
      checked.add('halls');
    }
    for (const k of keys) {
      if (k !== 'all') {
        expect(printed(cells.get(`halls:${k}`)!)).toBe(a.halls.byService[k]);
        checked.add(`halls:${k}`);
      }
      expectPeople(cells.get(`covered:${k}`), a.covered[k]);
      expectShare(cells.get(`share:${k}`), a.share[k]);
      checked.add(`covered:${k}`).add(`share:${k}`);
    }
    expect([...cells.keys()].sort()).toEqual([...checked].sort());
  });
}

const ZH = { total: '全区合计', outside: '区域外' };
const EN = { total: 'District total', outside: 'Outside the areas' };

describe('the report holds the numbers of the same run', () => {
  it('the district table equals the stats JSON, cell by cell (points, three services and all, outside bucket)', () => {
    const r = run(inputs(POINTS));
    expect(r.stats.services.length).toBeGreaterThan(1);
    expectTableEqualsStats(r.html, r.stats, ZH);
  });

  it('the same with fractional people from polygons, and in English', () => {
    const r = run([...POLYGON_ARGS, '--report-lang', 'en']);
    expect(r.stats.total.population % 1).not.toBe(0);
    expectTableEqualsStats(r.html, r.stats, EN);
  });

  it('for one service: its columns and its uncovered people, no `all`', () => {
    const r = run([...inputs(POINTS), '--services', 'petition']);
    expectTableEqualsStats(r.html, r.stats, ZH);
    expect(r.html).not.toContain('data-col="covered:all"');
  });

  it("the gap list is the --gaps file's ten largest zones of the key, in rank order", () => {
    for (const args of [inputs(POINTS), POLYGON_ARGS, [...inputs(POINTS), '--services', 'petition']]) {
      const r = run(args);
      const key = r.stats.services.length > 1 ? 'all' : r.stats.services[0];
      const zones = r.gaps.features.filter((z) => z.properties.service === key).slice(0, 10);
      const rows = tableRows(r.html, 'gaps');
      expect(rows).toHaveLength(zones.length);
      rows.forEach(({ cells }, i) => {
        const p = zones[i].properties;
        expect(cells.get('rank')).toBe(String(p.rank));
        expect(cells.get('area')).toBe(p.area === '(outside areas)' ? ZH.outside : p.area);
        expectPeople(cells.get('people'), p.population);
        expect(printed(cells.get('nearest')!)).toBe(Math.round(p.nearest_hall_m));
        expect(Number(cells.get('size'))).toBeGreaterThan(0);
      });
    }
  });

  it('with network distance: the walking-distance numbers and rule (river fixture)', () => {
    const river = join(ROOT, 'test/fixtures/river');
    const r = run([...inputs(river, 'halls.geojson'), '--roads', join(river, 'roads.geojson'), '--distance', 'network']);
    expect(r.stats.distance).toBe('network');
    expectTableEqualsStats(r.html, r.stats, ZH);
    expect(r.html).toContain('距离：沿道路网的步行距离</p>');
    expect(r.html).not.toContain('haversine');
  });

  it('with --target, the target is named', () => {
    const r = run([...inputs(POINTS), '--target', '0.95']);
    expect(r.html).toContain('覆盖目标：95.0%');
  });
});

// Elements the report may use: none that runs, embeds or fetches anything.
const TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'section',
  'h1',
  'h2',
  'p',
  'div',
  'svg',
  'defs',
  'pattern',
  'rect',
  'g',
  'path',
  'circle',
  'text',
  'ul',
  'li',
  'ol',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

/** What a CSP of `default-src 'none'; style-src 'unsafe-inline'; img-src data:` allows, checked on the text. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/https?:/i);
  expect(html).not.toContain('//');
  expect(html).not.toMatch(/@import/i);
  // The only url() is the map's own hatch pattern.
  for (const u of html.matchAll(/url\(([^)]*)\)/g)) expect(u[1]).toMatch(/^#[\w-]+$/);
  for (const tag of html.matchAll(/<\/?([!a-z][a-z0-9]*)([^>]*)>/gi)) {
    expect(TAGS, tag[0]).toContain(tag[1].toLowerCase());
    for (const attr of tag[2].matchAll(/([^\s=]+)(?:="[^"]*")?/g)) {
      const name = attr[1].toLowerCase();
      expect(name, tag[0]).not.toMatch(/^on/);
      expect(['src', 'href', 'xlink:href', 'srcset', 'action', 'formaction', 'background', 'poster', 'data']).not.toContain(name);
    }
  }
  // The file declares the policy itself.
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
}

describe('the report is one self-contained file', () => {
  it('has no script, no event handler attribute, no external reference; the map is inline SVG with scale bar, north arrow and legend', () => {
    const r = run(inputs(POINTS));
    expectSelfContained(r.html);
    expect(r.html).toMatch(/<svg class="map"[^>]*role="img"/);
    expect(r.html).toContain('<g class="scale">');
    expect(r.html).toContain('<g class="north">');
    expect(r.html).toContain('<ul class="legend">');
    expect(r.html).toMatch(/@page \{ size: A4;[^}]*@bottom-center \{ content: counter\(page\) " \/ " counter\(pages\)/);
  });

  it('escapes hostile area, hall and file names everywhere', () => {
    const dir = join(tmp, `hostile${n++}`);
    mkdirSync(dir);
    const hostile = ['<script>alert(1)</script>', 'A & B', `"double" 'single'`, '<img src=x onerror=alert(1)>'];
    const box = (name: string, i: number) => ({
      type: 'Feature',
      properties: { name },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.9 + i * 0.01, 22.7],
            [113.91 + i * 0.01, 22.7],
            [113.91 + i * 0.01, 22.71],
            [113.9 + i * 0.01, 22.71],
            [113.9 + i * 0.01, 22.7],
          ],
        ],
      },
    });
    const pt = (x: number, y: number) => ({ type: 'Feature', properties: { population: 10 }, geometry: { type: 'Point', coordinates: [x, y] } });
    writeFileSync(join(dir, 'areas.geojson'), JSON.stringify({ type: 'FeatureCollection', features: hostile.map(box) }));
    writeFileSync(
      join(dir, 'population.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: hostile.flatMap((_, i) => [pt(113.901 + i * 0.01, 22.701), pt(113.909 + i * 0.01, 22.709)]) }),
    );
    const hallsFile = `<b>halls&"'.csv`;
    writeFileSync(join(dir, hallsFile), `name,lng,lat,services\n"<script>x</script>",113.901,22.701,"<i>svc</i>"\n`);
    const r = run(['--halls', join(dir, hallsFile), '--population', join(dir, 'population.geojson'), '--areas', join(dir, 'areas.geojson')]);
    expectSelfContained(r.html);
    for (const name of [...hostile, hallsFile, '<i>svc</i>']) {
      expect(r.html).not.toContain(name);
      expect(r.html).toContain(name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    }
    expect(decode(/<h1>([^<]*)<\/h1>/.exec(r.html)![1])).toBe(`${hallsFile}：服务覆盖报告`);
    expect(tableRows(r.html, 'districts').map((x) => x.name)).toEqual([...hostile, ZH.total]);
  });
});

describe("the report's words", () => {
  it('Chinese by default; the sample in public/geo is named 光明区示例数据 with its modelled parts', () => {
    const r = run(inputs(SAMPLE, 'halls.geojson'));
    expect(r.html).toContain('<html lang="zh-CN">');
    expect(r.html).toContain('<h1>光明区示例数据：服务覆盖报告</h1>');
    expect(r.html).toContain('人口分布、65岁及以上人口和全部服务点位置均为模拟，服务点容量按类型模拟');
    for (const h of ['数据说明', '服务与半径', '地图', '各区域覆盖情况', '最大覆盖缺口（全部服务）', '方法']) expect(r.html).toContain(`<h2>${h}</h2>`);
    expect([...r.html.matchAll(/<ol class="method">([\s\S]*?)<\/ol>/g)][0][1].match(/<li>/g)).toHaveLength(5);
    expectTableEqualsStats(r.html, r.stats, ZH);
  });

  it('--report-lang en: English headings and notes; own data is named by the halls file', () => {
    const r = run([...inputs(POINTS), '--report-lang', 'en', '--halls-crs', 'gcj02']);
    expect(r.html).toContain('<html lang="en">');
    expect(r.html).toContain('<h1>Service coverage report: halls.csv</h1>');
    for (const h of ['About the data', 'Services and radius', 'Map', 'Coverage by area', 'Largest gaps (All services)', 'Method'])
      expect(r.html).toContain(`<h2>${h}</h2>`);
    expect(r.html).toContain('halls.csv (GCJ-02) converted to WGS84 on import');
    expect(r.html).toContain('haversine');
    expect(r.html).not.toMatch(/<h2>[^<]*[\u4e00-\u9fff]/);
  });

  it('refuses an unknown --report-lang, and --report-lang without --report (exit 2, one line)', () => {
    const bad = runCli([...inputs(POINTS), '--report', join(tmp, 'x.html'), '--report-lang', 'fr']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('analyze: --report-lang: "fr" is not one of zh, en\n');
    const alone = runCli([...inputs(POINTS), '--report-lang', 'en']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('analyze: --report-lang needs --report FILE (the report it sets the language of)\n');
    expect(existsSync(join(tmp, 'x.html'))).toBe(false);
  });
});

describe('the report is an output', () => {
  it('refuses a report path that is an input (also through a symbolic link), or another output', () => {
    const dir = join(tmp, `w${n++}`);
    mkdirSync(dir);
    const halls = join(dir, 'halls.csv');
    writeFileSync(halls, readFileSync(join(POINTS, 'halls.csv')));
    symlinkSync(halls, join(dir, 'link.html'));
    const args = ['--halls', halls, '--population', join(POINTS, 'population.geojson'), '--areas', join(POINTS, 'areas.geojson')];
    for (const path of [halls, join(dir, 'link.html')]) {
      const r = runCli([...args, '--report', path]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`analyze: --report ${path} is the --halls file: writing there would destroy the input; give another file\n`);
    }
    expect(readFileSync(halls)).toEqual(readFileSync(join(POINTS, 'halls.csv')));
    const same = join(dir, 'out');
    const r = runCli([...args, '--stats', same, '--report', same]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`analyze: --report ${same} is also the --stats file: give each output its own file\n`);
  });

  it('is written with the others or not at all: a failing report write leaves the stats file as it was (exit 1)', () => {
    const dir = join(tmp, `w${n++}`);
    mkdirSync(dir);
    const stats = join(dir, 'stats.json');
    writeFileSync(stats, 'old');
    const r = runCli([...inputs(POINTS), '--stats', stats, '--report', join(dir, 'report.html')], (path, text) => {
      if (path.includes('report.html')) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      writeFileSync(path, text, { flag: 'wx' });
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/report\.html: cannot write file \(ENOSPC\): the disk is full; no output file was changed\n$/);
    expect(readFileSync(stats, 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it('leaves the stats and the gaps byte for byte as without --report', () => {
    const dir = join(tmp, `w${n++}`);
    mkdirSync(dir);
    const without = runCli([...inputs(POINTS), '--gaps', join(dir, 'g1.geojson')]);
    const withReport = runCli([...inputs(POINTS), '--gaps', join(dir, 'g2.geojson'), '--report', join(dir, 'r.html')]);
    expect(withReport.stdout).toBe(without.stdout);
    expect(readFileSync(join(dir, 'g2.geojson'), 'utf8')).toBe(readFileSync(join(dir, 'g1.geojson'), 'utf8'));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isProjectFileName, readProject, writeProject, type Project } from '../../../../src/ui/own-data/project-file';
import { PROJECT_DATA_MAX_BYTES } from '../../../../src/core/limits';

const enc = (s: string) => new TextEncoder().encode(s);
const saved = new Date('2026-12-06T08:30:00Z');

function project(over: Partial<Project> = {}): Project {
  return {
    loadedAt: '2026-12-06T08:00:00.000Z',
    data: [
      {
        role: 'halls',
        name: 'halls.csv',
        crs: 'gcj02',
        field: 'services',
        bytes: enc('\uFEFFname,lng,lat,services\n"A, east",113.9,22.7,"petition,legal-aid"\n'),
      },
      { role: 'areas', name: '街道.geojson', crs: 'wgs84', bytes: enc('{"type":"FeatureCollection","features":[]}') },
    ],
    view: { service: 'legal-aid', radiusM: 800, area: '光明街道', center: [113.93412, 22.76801], zoom: 12.25, lang: 'en' },
    scenarios: [
      {
        name: '方案 1',
        proposed: [
          { lng: 113.9, lat: 22.71, services: ['legal-aid', 'petition'], name: '新站 <b>' },
          { lng: 113.95, lat: 22.73, services: [], name: '' },
        ],
      },
      { name: 'Plan "B"', proposed: [{ lng: 113.91, lat: 22.72, services: ['petition'], name: '', capacity: 1200 }] },
    ],
    activeScenario: 1,
    ...over,
  };
}

/** A written project, edited as JSON, read back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests damage a parsed project file anywhere in it.
function edited(edit: (j: Record<string, any>) => void): ReturnType<typeof readProject> {
  const j = JSON.parse(writeProject(project(), saved));
  edit(j);
  return readProject(JSON.stringify(j), 'p.servicecircles.json');
}

describe('project-file', () => {
  it('writes a versioned JSON that reads back to the same project, bytes exact (a BOM kept)', () => {
    const text = writeProject(project(), saved);
    const j = JSON.parse(text);
    expect(j.format).toBe('service-circles-project');
    expect(j.version).toBe(2);
    expect(j.saved_at).toBe('2026-12-06T08:30:00.000Z');
    expect(j.data.files[0].encoding).toBe('text');
    expect(j.data.files[0].content.startsWith('\uFEFFname,lng')).toBe(true);
    const r = readProject(text, 'p.servicecircles.json');
    expect(r).toEqual({ ok: true, value: project() });
  });

  it('keeps bytes that are not UTF-8 (a GBK CSV) as base64, exactly', () => {
    const gbk = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xb9, 0xe2, 0xc3, 0xf7, 0x0a]); // "name\n光明\n" in GBK
    const p = project({ data: [{ role: 'halls', name: 'halls-gbk.csv', crs: 'wgs84', bytes: gbk }] });
    const text = writeProject(p, saved);
    expect(JSON.parse(text).data.files[0].encoding).toBe('base64');
    const r = readProject(text, 'x');
    expect(r.ok && r.value.data[0].bytes).toEqual(gbk);
  });

  it('round-trips any bytes, names and halls (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        fc.array(
          fc.record({
            lng: fc.double({ min: -180, max: 180, noNaN: true }),
            lat: fc.double({ min: -90, max: 90, noNaN: true }),
            services: fc.array(fc.string()),
            name: fc.string(),
          }),
          { maxLength: 5 },
        ),
        (bytes, name, proposed) => {
          const p = project({
            data: [{ role: 'population', name, crs: 'bd09', bytes }],
            scenarios: [{ name, proposed: proposed.map((h) => ({ ...h, lng: h.lng || 0, lat: h.lat || 0 })) }],
            activeScenario: 0,
          });
          expect(readProject(writeProject(p, saved), 'x')).toEqual({ ok: true, value: p });
        },
      ),
    );
  });

  it('holds area levels as several areas files in order, and the population’s group fields; a file without them reads as before', () => {
    const levels = project({
      data: [
        { role: 'population', name: 'p.geojson', crs: 'wgs84', field: 'people', groupFields: ['age65', 'children'], bytes: enc('{}') },
        { role: 'areas', name: '街道.geojson', crs: 'wgs84', bytes: enc('{"a":1}') },
        { role: 'areas', name: '社区.geojson', crs: 'gcj02', field: 'name', bytes: enc('{"b":2}') },
      ],
    });
    const text = writeProject(levels, saved);
    expect(JSON.parse(text).data.files[0].group_fields).toEqual(['age65', 'children']);
    expect(readProject(text, 'p.servicecircles.json')).toEqual({ ok: true, value: levels });
    const plain = JSON.parse(writeProject(project(), saved));
    expect(plain.data.files.every((f: object) => !('group_fields' in f))).toBe(true);
    expect(edited((j) => (j.data.files[0].group_fields = 'age65'))).toEqual({
      ok: false,
      error: 'p.servicecircles.json: data.files[0].group_fields: expected a list, found "age65"',
    });
  });

  it('holds the halls’ chosen capacity field; a file without one reads as before', () => {
    const [halls, areas] = project().data;
    const p = project({ data: [{ ...halls, capacityField: '容量' }, areas] });
    const text = writeProject(p, saved);
    expect(JSON.parse(text).data.files[0].capacity_field).toBe('容量');
    expect(readProject(text, 'x')).toEqual({ ok: true, value: p });
    const plain = JSON.parse(writeProject(project(), saved));
    expect(plain.data.files.every((f: object) => !('capacity_field' in f))).toBe(true);
    expect(readProject(JSON.stringify(plain), 'x')).toEqual({ ok: true, value: project() });
    expect(edited((j) => (j.data.files[0].capacity_field = 3))).toEqual({
      ok: false,
      error: 'p.servicecircles.json: data.files[0].capacity_field: expected text, found 3',
    });
  });

  it('holds roads as a fourth file, an OSM PBF byte for byte', () => {
    const pbf = Uint8Array.from([0, 0, 0, 13, 10, 9, 79, 83, 77, 72, 101, 97, 100, 101, 114, 0xff]);
    const p = project({ data: [...project().data, { role: 'roads', name: 'roads.osm.pbf', crs: 'wgs84', bytes: pbf }] });
    expect(readProject(writeProject(p, saved), 'x')).toEqual({ ok: true, value: p });
  });

  it("keeps the active scenario, today (null) included, and the halls' other fields (a capacity) as they are", () => {
    const j = JSON.parse(writeProject(project(), saved));
    expect(j.active_scenario).toBe(1);
    expect(j.scenarios[1].proposed[0]).toEqual({ lng: 113.91, lat: 22.72, services: ['petition'], name: '', capacity: 1200 });
    const today = project({ activeScenario: null });
    expect(readProject(writeProject(today, saved), 'x')).toEqual({ ok: true, value: today });
  });

  it('reads a version 1 file (one list of proposed halls) as one unnamed scenario, active', () => {
    const j = JSON.parse(writeProject(project(), saved));
    j.version = 1;
    j.proposed = [{ lng: 113.9, lat: 22.71, services: ['petition'], name: 'A' }];
    delete j.scenarios;
    delete j.active_scenario;
    const r = readProject(JSON.stringify(j), 'old.servicecircles.json');
    expect(r.ok && { scenarios: r.value.scenarios, active: r.value.activeScenario }).toEqual({
      scenarios: [{ name: '', proposed: [{ lng: 113.9, lat: 22.71, services: ['petition'], name: 'A' }] }],
      active: 0,
    });
    delete j.proposed; // a version 1 project without proposed halls
    const empty = readProject(JSON.stringify(j), 'x');
    expect(empty.ok && empty.value.scenarios).toEqual([{ name: '', proposed: [] }]);
  });

  it('a project on the sample holds no files and no load date', () => {
    const p = project({ loadedAt: null, data: [], scenarios: [], activeScenario: null });
    expect(readProject(writeProject(p, saved), 'x')).toEqual({ ok: true, value: p });
  });

  it('refuses to write more data than a project file holds, naming the size', () => {
    const big = { role: 'population' as const, name: 'big.geojson', crs: 'wgs84' as const, bytes: new Uint8Array(PROJECT_DATA_MAX_BYTES + 1) };
    expect(() => writeProject(project({ data: [big] }), saved)).toThrow(/128 MiB a project file holds/);
  });

  it('refuses bad input with one line naming the file and the field', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in edited().
    const cases: [string, (j: Record<string, any>) => void, RegExp][] = [
      ['another format', (j) => (j.format = 'geojson'), /^p\.servicecircles\.json: format: expected "service-circles-project", found "geojson"/],
      ['a newer version', (j) => (j.version = 3), /version 3 was written by a newer app/],
      ['a bad role', (j) => (j.data.files[0].role = 'people'), /data\.files\[0\]\.role: "people" is not one of halls, population, areas/],
      ['two files of one role', (j) => (j.data.files[1].role = 'halls'), /data\.files\[1\]: a second halls file \("街道\.geojson" after "halls\.csv"\)/],
      ['a bad crs', (j) => (j.data.files[1].crs = 'epsg:3857'), /data\.files\[1\]\.crs/],
      ['bad base64', (j) => Object.assign(j.data.files[0], { encoding: 'base64', content: '@@@' }), /data\.files\[0\]\.content: not valid base64/],
      ['a missing content', (j) => delete j.data.files[0].content, /data\.files\[0\]\.content: expected text/],
      ['files without a load date', (j) => (j.data.loaded_at = null), /data\.loaded_at: missing/],
      ['an unknown service', (j) => (j.view.service = 'fire'), /view\.service: "fire" is not one of/],
      ['a radius out of range', (j) => (j.view.radius_m = 5000), /view\.radius_m: 5000 is outside 100…3000/],
      ['a fractional radius', (j) => (j.view.radius_m = 500.5), /view\.radius_m: 500\.5 is not a whole number/],
      ['a latitude out of range', (j) => (j.view.center = [113.9, 95]), /view\.center\[1\] \(latitude\): 95 is outside/],
      ['a text zoom', (j) => (j.view.zoom = '12'), /view\.zoom: expected a number, found "12"/],
      ['a bad language', (j) => (j.view.lang = 'fr'), /view\.lang/],
      ['a hall without services', (j) => delete j.scenarios[0].proposed[1].services, /scenarios\[0\]\.proposed\[1\]\.services: expected a list/],
      ['a hall off the globe', (j) => (j.scenarios[0].proposed[0].lng = 200), /scenarios\[0\]\.proposed\[0\]\.lng: 200 is outside/],
      ['no scenarios list', (j) => delete j.scenarios, /scenarios: expected a list/],
      ['a scenario without a name', (j) => (j.scenarios[1].name = ' '), /scenarios\[1\]\.name: empty/],
      ['two scenarios of one name', (j) => (j.scenarios[1].name = '方案 1'), /scenarios\[1\]\.name: "方案 1" twice/],
      ['an active scenario that is not there', (j) => (j.active_scenario = 2), /active_scenario: 2 is outside 0…1/],
    ];
    for (const [what, edit, message] of cases) {
      const r = edited(edit);
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error, what).toMatch(message);
        expect(r.error, what).not.toContain('\n');
      }
    }
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    const a = readProject('{"format": ', 'a.json');
    expect(a.ok).toBe(false);
    expect(!a.ok && a.error).toMatch(/^a\.json: not JSON/);
    const b = readProject('[1,2]', 'b.json');
    expect(!b.ok && b.error).toBe('b.json: the file: expected an object, found [1,2]');
  });

  it('knows project files by their name', () => {
    expect(isProjectFileName('service-circles_project_2026-12-06.servicecircles.json')).toBe(true);
    expect(isProjectFileName('X.ServiceCircles.JSON')).toBe(true);
    expect(isProjectFileName('halls.json')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { afterImport, DATA_KEY, fingerprint, OwnStore, problemOf, type KeyValue, type OwnInput } from '../../../../src/ui/own-data/own-store';

/** A Map behind the KeyValue interface, with switches to make it fail like IndexedDB does. */
function memory() {
  const data = new Map<string, unknown>();
  const fail: { put?: Error; open?: Error } = {};
  let opens = 0;
  const kv: KeyValue = {
    get: async (k) => data.get(k),
    put: async (k, v) => {
      if (fail.put) throw fail.put;
      data.set(k, v);
    },
    delete: async (k) => void data.delete(k),
  };
  const open = async () => {
    opens++;
    if (fail.open) throw fail.open;
    return kv;
  };
  return { data, fail, open, opens: () => opens };
}

const named = (name: string, message = name) => Object.assign(new Error(message), { name });
const input = (role: OwnInput['role'], file: string, text: string, over: Partial<OwnInput> = {}): OwnInput => ({
  role,
  file,
  blob: new Blob([text]),
  crs: 'wgs84',
  ...over,
});
const loadedAt = '2026-12-06T08:00:00.000Z';

describe('OwnStore', () => {
  it('keeps own data and gives the same files, bytes and choices back', async () => {
    const m = memory();
    const store = new OwnStore(m.open);
    const inputs = [input('halls', 'halls.csv', 'name,lng,lat\n', { crs: 'gcj02', field: 'svc' }), input('areas', 'a.geojson', '{}')];
    expect(await store.saveData({ loadedAt, inputs })).toEqual({ ok: true, value: undefined });
    const back = await new OwnStore(m.open).loadData();
    expect(back.ok).toBe(true);
    if (!back.ok || !back.value) throw new Error('nothing kept');
    expect(back.value.loadedAt).toBe(loadedAt);
    expect(back.value.inputs.map(({ blob: _b, ...rest }) => rest)).toEqual([
      { role: 'halls', file: 'halls.csv', crs: 'gcj02', field: 'svc' },
      { role: 'areas', file: 'a.geojson', crs: 'wgs84' },
    ]);
    expect(await back.value.inputs[0].blob.text()).toBe('name,lng,lat\n');
  });

  it('keeps every area level in order (the first level, then the further ones) and the population’s group fields', async () => {
    const m = memory();
    const inputs = [
      input('population', 'p.geojson', 'people', { groupFields: ['age65', 'children'] }),
      input('areas', 'subdistricts.geojson', 'a', { field: 'name' }),
      input('areas', 'communities.geojson', 'b', { crs: 'gcj02' }),
      input('areas', 'grids.geojson', 'c'),
    ];
    expect((await new OwnStore(m.open).saveData({ loadedAt, inputs })).ok).toBe(true);
    const back = await new OwnStore(m.open).loadData();
    if (!back.ok || !back.value) throw new Error('nothing kept');
    expect(back.value.inputs.map(({ blob: _b, ...rest }) => rest)).toEqual([
      { role: 'population', file: 'p.geojson', crs: 'wgs84', groupFields: ['age65', 'children'] },
      { role: 'areas', file: 'subdistricts.geojson', crs: 'wgs84', field: 'name' },
      { role: 'areas', file: 'communities.geojson', crs: 'gcj02' },
      { role: 'areas', file: 'grids.geojson', crs: 'wgs84' },
    ]);
    expect(await Promise.all(back.value.inputs.map((i) => i.blob.text()))).toEqual(['people', 'a', 'b', 'c']);
  });

  it('keeps the halls’ chosen capacity field, and opens a record kept without one as before', async () => {
    const m = memory();
    const halls = input('halls', 'h.geojson', '{}', { field: 'svc', capacityField: '容量' });
    expect((await new OwnStore(m.open).saveData({ loadedAt, inputs: [halls] })).ok).toBe(true);
    const back = await new OwnStore(m.open).loadData();
    expect(back.ok && back.value?.inputs.map(({ blob: _b, ...rest }) => rest)).toEqual([
      { role: 'halls', file: 'h.geojson', crs: 'wgs84', field: 'svc', capacityField: '容量' },
    ]);
    // A record kept before the capacity field was kept: its halls read the default field, as they did.
    m.data.set(DATA_KEY, { version: 1, loadedAt, inputs: [{ role: 'halls', file: 'h.geojson', blob: new Blob(['{}']), crs: 'wgs84', field: 'svc' }] });
    const old = await new OwnStore(m.open).loadData();
    expect(old.ok && old.value?.inputs.map(({ blob: _b, ...rest }) => rest)).toEqual([{ role: 'halls', file: 'h.geojson', crs: 'wgs84', field: 'svc' }]);
    // A capacity field that is not text is a damaged record.
    m.data.set(DATA_KEY, { version: 1, loadedAt, inputs: [{ role: 'halls', file: 'h', blob: new Blob(['x']), crs: 'wgs84', capacityField: 3 }] });
    expect(await new OwnStore(m.open).loadData()).toEqual({ ok: true, value: null });
  });

  it('gives null when nothing is kept, and after clear', async () => {
    const m = memory();
    const store = new OwnStore(m.open);
    expect(await store.loadData()).toEqual({ ok: true, value: null });
    await store.saveData({ loadedAt, inputs: [input('halls', 'h.csv', 'x')] });
    await store.saveView('#c=1,2&z=3');
    await store.clear();
    expect(await store.loadData()).toEqual({ ok: true, value: null });
    expect(await store.loadView()).toEqual({ ok: true, value: '' });
    expect(m.data.size).toBe(0);
  });

  it('keeps the view of the kept data, and forgets it when other data is kept', async () => {
    const m = memory();
    const store = new OwnStore(m.open);
    await store.saveData({ loadedAt, inputs: [input('halls', 'h.csv', 'x')] });
    await store.saveView('#s=legal-aid&r=800');
    expect(await store.loadView()).toEqual({ ok: true, value: '#s=legal-aid&r=800' });
    await store.saveData({ loadedAt, inputs: [input('areas', 'a.geojson', 'y')] });
    expect(await store.loadView()).toEqual({ ok: true, value: '' });
  });

  it('ignores and removes a damaged or foreign record instead of loading it', async () => {
    const bad: unknown[] = [
      'text',
      { version: 2, loadedAt, inputs: [] },
      { version: 1, loadedAt: 'yesterday', inputs: [{ role: 'halls', file: 'h', blob: new Blob(['x']), crs: 'wgs84' }] },
      { version: 1, loadedAt, inputs: [] },
      { version: 1, loadedAt, inputs: [{ role: 'people', file: 'h', blob: new Blob(['x']), crs: 'wgs84' }] },
      { version: 1, loadedAt, inputs: [{ role: 'halls', file: 'h', blob: 'not a blob', crs: 'wgs84' }] },
      { version: 1, loadedAt, inputs: [{ role: 'halls', file: 'h', blob: new Blob(['x']), crs: 'mercator' }] },
      { version: 1, loadedAt, inputs: [{ role: 'population', file: 'p', blob: new Blob(['x']), crs: 'wgs84', groupFields: 'age65' }] },
      { version: 1, loadedAt, inputs: [{ role: 'population', file: 'p', blob: new Blob(['x']), crs: 'wgs84', groupFields: [''] }] },
      {
        version: 1,
        loadedAt,
        inputs: [
          { role: 'halls', file: 'h', blob: new Blob(['x']), crs: 'wgs84' },
          { role: 'halls', file: 'g', blob: new Blob(['y']), crs: 'wgs84' },
        ],
      },
    ];
    for (const record of bad) {
      const m = memory();
      m.data.set(DATA_KEY, record);
      expect(await new OwnStore(m.open).loadData(), JSON.stringify(record)).toEqual({ ok: true, value: null });
      expect(m.data.has(DATA_KEY)).toBe(false);
    }
  });

  it('says a full store is full and an unavailable one unavailable, and never throws', async () => {
    const m = memory();
    const store = new OwnStore(m.open);
    m.fail.put = named('QuotaExceededError', 'The quota has been exceeded.');
    expect(await store.saveData({ loadedAt, inputs: [input('halls', 'h.csv', 'x')] })).toEqual({
      ok: false,
      problem: { kind: 'full', detail: 'The quota has been exceeded.' },
    });
    const m2 = memory();
    m2.fail.open = named('UnavailableError', 'IndexedDB is not available in this browser');
    const s2 = new OwnStore(m2.open);
    expect(await s2.loadData()).toEqual({ ok: false, problem: { kind: 'unavailable', detail: 'IndexedDB is not available in this browser' } });
    expect((await s2.saveView('#x')).ok).toBe(false);
    expect((await s2.clear()).ok).toBe(false);
  });

  it('opens once, and tries to open again after a failed open', async () => {
    const m = memory();
    m.fail.open = named('InvalidStateError');
    const store = new OwnStore(m.open);
    expect((await store.loadView()).ok).toBe(false);
    m.fail.open = undefined;
    expect(await store.loadView()).toEqual({ ok: true, value: '' });
    await store.saveView('#a');
    await store.loadView();
    expect(m.opens()).toBe(2);
  });

  it('sorts errors into full, unavailable and failed', () => {
    expect(problemOf(named('QuotaExceededError')).kind).toBe('full');
    expect(problemOf(new Error('Maximum quota reached')).kind).toBe('full');
    expect(problemOf(named('SecurityError')).kind).toBe('unavailable');
    expect(problemOf(named('BlockedError')).kind).toBe('unavailable');
    expect(problemOf(named('DataCloneError', 'cannot clone')).kind).toBe('failed');
    expect(problemOf('odd').kind).toBe('failed');
  });
});

describe('afterImport', () => {
  it('replaces the own files of the imported roles and keeps the others', () => {
    const before = [input('halls', 'h.csv', 'a'), input('areas', 'a.geojson', 'b')];
    const pop = { file: 'p.geojson', blob: new Blob(['c']), crs: 'gcj02' as const, field: 'people' };
    const halls = { file: 'h2.csv', blob: new Blob(['d']), crs: 'wgs84' as const };
    const after = afterImport(before, { population: pop, halls });
    expect(after.map((i) => `${i.role}:${i.file}:${i.crs}:${i.field ?? ''}`)).toEqual([
      'areas:a.geojson:wgs84:',
      'halls:h2.csv:wgs84:',
      'population:p.geojson:gcj02:people',
    ]);
    expect(afterImport([], {})).toEqual([]);
  });
  it('puts the further levels after their areas, replaces every kept level with new areas, and keeps them through other imports', () => {
    const file = (name: string) => ({ file: name, blob: new Blob([name]), crs: 'wgs84' as const });
    const two = afterImport([input('halls', 'h.csv', 'a'), input('areas', 'old.geojson', 'o')], {
      areas: file('sub.geojson'),
      levels: [file('com.geojson'), file('grid.geojson')],
      population: { ...file('p.geojson'), groupFields: ['age65'] },
    });
    expect(two.map((i) => `${i.role}:${i.file}`)).toEqual([
      'halls:h.csv',
      'population:p.geojson',
      'areas:sub.geojson',
      'areas:com.geojson',
      'areas:grid.geojson',
    ]);
    expect(two[1].groupFields).toEqual(['age65']);
    // Halls alone: every level stays, in order.
    expect(afterImport(two, { halls: file('h2.csv') }).map((i) => i.file)).toEqual(['p.geojson', 'sub.geojson', 'com.geojson', 'grid.geojson', 'h2.csv']);
    // New areas without levels: the old further levels go with the old areas.
    expect(
      afterImport(two, { areas: file('other.geojson') })
        .filter((i) => i.role === 'areas')
        .map((i) => i.file),
    ).toEqual(['other.geojson']);
  });
  it('keeps roads as a fourth own file: an import of roads alone adds them, a later import of halls keeps them', async () => {
    const roads = { file: 'roads.osm.pbf', blob: new Blob([new Uint8Array([0, 0, 0, 13])]), crs: 'wgs84' as const };
    const withRoads = afterImport([input('halls', 'h.csv', 'a')], { roads });
    expect(withRoads.map((i) => `${i.role}:${i.file}`)).toEqual(['halls:h.csv', 'roads:roads.osm.pbf']);
    expect(afterImport(withRoads, { halls: { file: 'h2.csv', blob: new Blob(['d']), crs: 'wgs84' } }).map((i) => `${i.role}:${i.file}`)).toEqual([
      'roads:roads.osm.pbf',
      'halls:h2.csv',
    ]);
    const m = memory();
    expect((await new OwnStore(m.open).saveData({ loadedAt, inputs: withRoads })).ok).toBe(true);
    const back = await new OwnStore(m.open).loadData();
    expect(back.ok && back.value?.inputs.map((i) => i.role)).toEqual(['halls', 'roads']);
  });
});

describe('fingerprint', () => {
  it('is 8 hex digits, the same for the same files in any order, and changes with name, size or choices', () => {
    const a = [input('halls', 'h.csv', 'abc'), input('areas', 'a.geojson', '{}')];
    const f = fingerprint(a);
    expect(f).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint([...a].reverse())).toBe(f);
    expect(fingerprint([input('halls', 'h2.csv', 'abc'), a[1]])).not.toBe(f);
    expect(fingerprint([input('halls', 'h.csv', 'abcd'), a[1]])).not.toBe(f);
    expect(fingerprint([input('halls', 'h.csv', 'abc', { crs: 'gcj02' }), a[1]])).not.toBe(f);
    expect(fingerprint([input('halls', 'h.csv', 'abc', { field: 'svc' }), a[1]])).not.toBe(f);
    expect(fingerprint([input('halls', 'h.csv', 'abc', { capacityField: '容量' }), a[1]])).not.toBe(f);
  });
  it('names files without a capacity field as it always did, so links made on them still match', () => {
    expect(fingerprint([input('halls', 'h.csv', 'abc'), input('areas', 'a.geojson', '{}', { field: 'name' })])).toBe('c98df953');
  });
});

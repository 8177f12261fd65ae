import { describe, expect, it } from 'vitest';
import { loadInitialData } from '../../../../src/ui/share/linked-load';
import type { InputFiles } from '../../../../src/worker/messages';

const SAMPLE: InputFiles = {
  halls: { file: 'halls.geojson', text: 'sample halls' },
  population: { file: 'population.geojson', text: 'sample population' },
  areas: { file: 'areas.geojson', text: 'sample areas' },
};
const sampleFiles = async () => SAMPLE;

// Stands in for the worker: "parses" by rejecting any text containing BAD.
function fakeLoad() {
  const calls: InputFiles[] = [];
  const load = async (files: InputFiles) => {
    calls.push(files);
    const bad = Object.values(files).find((f) => f.text.includes('BAD'));
    if (bad) throw new Error(`${bad.file}: feature 3: field "lng": "x" is not a number`);
    return Object.values(files)
      .map((f) => f.text)
      .join('|');
  };
  return { load, calls };
}

describe("loadInitialData with the sample's further levels (issue 16)", () => {
  const withLevels = async (): Promise<InputFiles> => ({ ...SAMPLE, levels: [{ file: 'communities.geojson', text: 'sample communities' }] });
  const recorder = () => {
    const calls: InputFiles[] = [];
    return { calls, load: async (f: InputFiles) => (calls.push(f), 'ok') };
  };

  it('keeps them when linked or kept files replace halls or population only', async () => {
    const { load, calls } = recorder();
    await loadInitialData(withLevels, async () => ({ texts: [{ role: 'halls', name: 'h.csv', text: 'h' }], errors: [] }), load);
    expect(calls[0].levels?.map((l) => l.file)).toEqual(['communities.geojson']);
  });

  it('drops them when linked or kept areas replace the subdistricts they belong to', async () => {
    const { load, calls } = recorder();
    await loadInitialData(withLevels, async () => ({ texts: [{ role: 'areas', name: 'a.geojson', text: 'a' }], errors: [] }), load);
    await loadInitialData(
      withLevels,
      async () => ({ texts: [], errors: [] }),
      load,
      async () => ({ areas: { file: 'own.geojson', text: 'own' } }),
    );
    expect(calls.map((c) => 'levels' in c)).toEqual([false, false]);
  });

  it('loads kept areas with their own kept further levels instead of the sample’s', async () => {
    const { load, calls } = recorder();
    const r = await loadInitialData(
      withLevels,
      async () => ({ texts: [], errors: [] }),
      load,
      async () => ({ areas: { file: 'own.geojson', text: 'own' }, levels: [{ file: 'own-communities.geojson', text: 'c' }] }),
    );
    expect(calls[0].levels?.map((l) => l.file)).toEqual(['own-communities.geojson']);
    expect(r.replaced).toEqual(['areas']);
  });
});

describe('loadInitialData', () => {
  it('loads the sample alone when no data is linked', async () => {
    const { load, calls } = fakeLoad();
    const r = await loadInitialData(sampleFiles, async () => ({ texts: [], errors: [] }), load);
    expect(r).toEqual({ result: 'sample halls|sample population|sample areas', errors: [], replaced: [] });
    expect(calls).toHaveLength(1);
  });

  it('replaces only the linked roles, named by their URL file names', async () => {
    const { load, calls } = fakeLoad();
    const r = await loadInitialData(sampleFiles, async () => ({ texts: [{ role: 'halls', name: 'halls-2025.csv', text: 'new halls' }], errors: [] }), load);
    expect(r).toEqual({ result: 'new halls|sample population|sample areas', errors: [], replaced: ['halls'] });
    expect(calls[0].halls.file).toBe('halls-2025.csv');
  });

  it('keeps the sample and reports the parser message when a linked file is invalid', async () => {
    const { load } = fakeLoad();
    const r = await loadInitialData(sampleFiles, async () => ({ texts: [{ role: 'halls', name: 'halls.csv', text: 'BAD' }], errors: [] }), load);
    expect(r).toEqual({
      result: 'sample halls|sample population|sample areas',
      errors: ['halls.csv: feature 3: field "lng": "x" is not a number', 'showing the sample data instead'],
      replaced: [],
    });
  });

  it('reports download errors and still loads what did download', async () => {
    const { load } = fakeLoad();
    const r = await loadInitialData(
      sampleFiles,
      async () => ({ texts: [{ role: 'areas', name: 'areas.geojson', text: 'new areas' }], errors: ['halls: https://x/h.csv: HTTP 404 Not Found'] }),
      load,
    );
    expect(r).toEqual({ result: 'sample halls|sample population|new areas', errors: ['halls: https://x/h.csv: HTTP 404 Not Found'], replaced: ['areas'] });
  });
});

describe('loadInitialData with own data kept in this browser', () => {
  const kept = async () => ({ halls: { file: 'own-halls.csv', text: 'own halls' } });
  it('loads the kept files over the sample when nothing is linked, and says so', async () => {
    const { load } = fakeLoad();
    const r = await loadInitialData(sampleFiles, async () => ({ texts: [], errors: [] }), load, kept);
    expect(r).toEqual({ result: 'own halls|sample population|sample areas', errors: [], replaced: ['halls'], kept: true });
  });
  it('lets linked data win over kept data', async () => {
    const { load } = fakeLoad();
    const r = await loadInitialData(sampleFiles, async () => ({ texts: [{ role: 'areas', name: 'a.geojson', text: 'new areas' }], errors: [] }), load, kept);
    expect(r).toEqual({ result: 'sample halls|sample population|new areas', errors: [], replaced: ['areas'] });
  });
  it('shows the sample, with the reason, when the kept files no longer load', async () => {
    const { load } = fakeLoad();
    const r = await loadInitialData(
      sampleFiles,
      async () => ({ texts: [], errors: [] }),
      load,
      async () => ({ halls: { file: 'own-halls.csv', text: 'BAD' } }),
    );
    expect(r).toEqual({
      result: 'sample halls|sample population|sample areas',
      errors: ['own data kept in this browser: own-halls.csv: feature 3: field "lng": "x" is not a number', 'showing the sample data instead'],
      replaced: [],
    });
  });
});

describe('loadInitialData when nothing linked could be used', () => {
  it('says the sample is shown when every linked file failed to download', async () => {
    const { load } = fakeLoad();
    const r = await loadInitialData(
      sampleFiles,
      async () => ({ texts: [], errors: ['areas: "file:///x" rejected: only http(s) and data: URLs are allowed, not file:'] }),
      load,
    );
    expect(r.result).toBe('sample halls|sample population|sample areas');
    expect(r.errors[1]).toBe('showing the sample data instead');
  });
});

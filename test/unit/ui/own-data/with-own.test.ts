import { describe, expect, it } from 'vitest';
import { withOwn } from '../../../../src/ui/own-data/own-data.svelte';
import type { OwnInput } from '../../../../src/ui/own-data/own-store';
import type { InputFiles } from '../../../../src/worker/messages';

const SAMPLE: InputFiles = {
  halls: { file: 'halls.geojson', text: 'h' },
  population: { file: 'population.geojson', text: 'p', groupFields: ['age65'] },
  areas: { file: 'areas.geojson', text: 'a' },
  levels: [{ file: 'communities.geojson', text: 'c' }],
};
const own = (role: OwnInput['role'], file: string, over: Partial<OwnInput> = {}): OwnInput => ({ role, file, blob: new Blob([file]), crs: 'wgs84', ...over });

describe('withOwn', () => {
  it('loads kept areas files as the first level and its further levels, in order, instead of the sample’s communities', () => {
    const files = withOwn(SAMPLE, [own('areas', 'sub.geojson', { field: 'name' }), own('areas', 'com.geojson', { crs: 'gcj02' })]);
    expect(files.areas).toMatchObject({ file: 'sub.geojson', field: 'name' });
    expect(files.levels?.map((l) => [l.file, l.crs])).toEqual([['com.geojson', 'gcj02']]);
    expect(files.halls.file).toBe('halls.geojson');
  });
  it('drops the sample’s communities for kept areas without levels, and keeps them when the areas are the sample’s', () => {
    expect(withOwn(SAMPLE, [own('areas', 'sub.geojson')]).levels).toEqual([]);
    expect(withOwn(SAMPLE, [own('halls', 'h.csv')]).levels?.map((l) => l.file)).toEqual(['communities.geojson']);
  });
  it('reads kept halls with their chosen capacity field', () => {
    expect(withOwn(SAMPLE, [own('halls', 'h.geojson', { field: 'svc', capacityField: '容量' })]).halls).toMatchObject({ field: 'svc', capacityField: '容量' });
    expect(withOwn(SAMPLE, [own('halls', 'h.geojson')]).halls.capacityField).toBeUndefined();
  });
  it('reads a kept population with its own group fields (none: none of the sample’s)', () => {
    expect(withOwn(SAMPLE, [own('population', 'p.geojson', { groupFields: ['children'] })]).population.groupFields).toEqual(['children']);
    expect(withOwn(SAMPLE, [own('population', 'p.geojson')]).population.groupFields).toBeUndefined();
  });
});

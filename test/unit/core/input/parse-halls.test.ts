import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/core/crs/crs';
import { haversineM } from '../../../../src/core/geo/haversine';
import { parseHalls } from '../../../../src/core/input/parse-halls';
import { inputErrorMessage } from '../../helpers/input-error-message';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (coordinates: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });

const message = inputErrorMessage;

describe('parseHalls (GeoJSON)', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf'])('takes a services or name field %s that no hall has as missing, not as a built-in', (field) => {
    const h = parseHalls(fc([pt([113.9, 22.7], { name: 'A', services: 'petition' })]), { file: 'h.geojson', servicesField: field, nameField: field });
    expect(h.services).toEqual([[]]);
    expect(h.name).toEqual(['hall 1']);
  });
  it('keeps a CSV column named __proto__ as an ordinary property, and a services column of that name', () => {
    const h = parseHalls('name,lng,lat,__proto__\nA,113.9,22.7,petition\n', { file: 'h.csv', servicesField: '__proto__' });
    expect(h.services).toEqual([['petition']]);
    expect(Object.getPrototypeOf(h.properties[0])).toBe(Object.prototype);
    expect(Object.hasOwn(h.properties[0], '__proto__')).toBe(true);
  });
  it('names the first broken feature in file order, whatever is wrong with the later ones', () => {
    // Feature 0 has swapped coordinates; feature 1 is not a Feature at all.
    expect(message(() => parseHalls(fc([pt([22.75, 113.93]), 'x']), { file: 'h.geojson' }))).toBe(
      'h.geojson: feature 0: coordinates look swapped (latitude first): [22.75, 113.93]',
    );
    expect(message(() => parseHalls(fc([pt([113.93, 22.75]), 'x', pt([22.75, 113.93])]), { file: 'h.geojson' }))).toMatch(/^h\.geojson: feature 1: /);
  });
  it('reads points with names and services into typed arrays, keeping properties', () => {
    const h = parseHalls(
      fc([
        pt([113.9, 22.7], { name: 'A', services: 'petition、legal-aid', addr: 'x' }),
        pt([114, 22.8], { services: ['psych-support'] }),
        pt([114.1, 22.6], {}),
      ]),
      { file: 'h.geojson' },
    );
    expect(h.count).toBe(3);
    expect([...h.lng]).toEqual([113.9, 114, 114.1]);
    expect(h.name).toEqual(['A', 'hall 2', 'hall 3']);
    expect(h.services).toEqual([['petition', 'legal-aid'], ['psych-support'], []]);
    expect(h.properties[0].addr).toBe('x');
  });

  it('uses configurable name and services fields', () => {
    const h = parseHalls(fc([pt([113.9, 22.7], { 名称: '大厅', 服务: 'petition' })]), { file: 'h', nameField: '名称', servicesField: '服务' });
    expect(h.name).toEqual(['大厅']);
    expect(h.services).toEqual([['petition']]);
  });

  it('converts GCJ-02 input to WGS84 on import', () => {
    const [x, y] = fromWgs84(113.93, 22.75, 'gcj02');
    const h = parseHalls(fc([pt([x, y], { services: 'a' })]), { file: 'h', crs: 'gcj02' });
    expect(haversineM(h.lng[0], h.lat[0], 113.93, 22.75)).toBeLessThan(1);
  });

  it('rejects bad input with a located one-line message', () => {
    expect(message(() => parseHalls('', { file: 'h.geojson' }))).toBe('h.geojson: file is empty');
    expect(message(() => parseHalls('{"type":', { file: 'h.geojson' }))).toMatch(/^h\.geojson: invalid JSON/);
    expect(message(() => parseHalls(fc([]), { file: 'h.geojson' }))).toBe('h.geojson: the collection has no features');
    expect(message(() => parseHalls('{"type":"Point","coordinates":[1,2]}', { file: 'h.geojson' }))).toBe(
      'h.geojson: expected a FeatureCollection, found type "Point"',
    );
    expect(
      message(() =>
        parseHalls(fc([pt([113.9, 22.7]), { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }]), { file: 'h.geojson' }),
      ),
    ).toBe('h.geojson: feature 1: wrong geometry type Polygon, halls must be Point');
    expect(message(() => parseHalls(fc([pt([22.7, 113.9])]), { file: 'h.geojson' }))).toBe(
      'h.geojson: feature 0: coordinates look swapped (latitude first): [22.7, 113.9]',
    );
    expect(message(() => parseHalls(fc([pt([12683000, 2580000])]), { file: 'h.geojson' }))).toBe(
      'h.geojson: feature 0: coordinates look projected (metres, not degrees): [12683000, 2580000]',
    );
    expect(message(() => parseHalls(fc([pt(['113.9', 22.7])]), { file: 'h.geojson' }))).toMatch(/feature 0: position .* is not a pair of finite numbers/);
    expect(message(() => parseHalls(fc([pt([113.9, 22.7], { services: 5 })]), { file: 'h.geojson' }))).toMatch(
      /^h\.geojson: feature 0, field "services": must be a list of strings/,
    );
    expect(message(() => parseHalls(fc([pt([113.9, 22.7], { services: 'all' })]), { file: 'h.geojson' }))).toMatch(
      /field "services": service name "all" is reserved/,
    );
    expect(message(() => parseHalls(fc([{ type: 'Feature', properties: {}, geometry: null }]), { file: 'h.geojson' }))).toBe(
      'h.geojson: feature 0: feature has no geometry',
    );
  });

  it('accepts legitimate coordinates near the limits (no false swap alarms)', () => {
    const h = parseHalls(fc([pt([-179.9, 89.9]), pt([45, 45]), pt([0, 0])]), { file: 'h' });
    expect(h.count).toBe(3);
  });
});

describe('parseHalls (CSV)', () => {
  it('reads name,lng,lat,services with a BOM, quotes and extra columns', () => {
    const h = parseHalls('\uFEFFname,lng,lat,services,addr\n"A, east",113.9,22.7,"petition,legal-aid",x\nB,114,22.8,,y\n', { file: 'h.csv' });
    expect(h.name).toEqual(['A, east', 'B']);
    expect(h.services).toEqual([['petition', 'legal-aid'], []]);
    expect([...h.lat]).toEqual([22.7, 22.8]);
    expect(h.properties[1].addr).toBe('y');
  });

  it('converts BD-09 rows to WGS84', () => {
    const [x, y] = fromWgs84(113.93, 22.75, 'bd09');
    const h = parseHalls(`name,lng,lat,services\nA,${x},${y},a\n`, { file: 'h.csv', crs: 'bd09' });
    expect(haversineM(h.lng[0], h.lat[0], 113.93, 22.75)).toBeLessThan(1);
  });

  it('rejects bad rows naming row, line and field', () => {
    expect(message(() => parseHalls('name,lng,lat,services\nA,abc,22.7,a\n', { file: 'h.csv' }))).toBe(
      'h.csv: row 1 (line 2), field "lng": "abc" is not a number',
    );
    expect(message(() => parseHalls('name,lng,lat,services\nA,113.9,22.7,a\nB,22.7,113.9,a\n', { file: 'h.csv' }))).toBe(
      'h.csv: row 2 (line 3): coordinates look swapped (latitude first): lng 22.7, lat 113.9',
    );
    expect(message(() => parseHalls('name,lng,lat,services\nA,113.9,,a\n', { file: 'h.csv' }))).toBe('h.csv: row 1 (line 2), field "lat": "" is not a number');
    expect(message(() => parseHalls('name,lat,services\nA,22.7,a\n', { file: 'h.csv' }))).toBe(
      'h.csv: line 1: missing column "lng" (expected name,lng,lat,services)',
    );
    expect(message(() => parseHalls('name,lng,lat,services\n', { file: 'h.csv' }))).toBe('h.csv: no data rows after the header');
    expect(message(() => parseHalls('name,lng,lat,services\nA,113.9,22.7\n', { file: 'h.csv' }))).toBe('h.csv: row 1 (line 2): has 3 cells, the header has 4');
    expect(message(() => parseHalls('name,lng,lat,services\n"A,113.9,22.7,a\n', { file: 'h.csv' }))).toBe('h.csv: line 2: unclosed quote');
    expect(message(() => parseHalls('  \n', { file: 'h.csv' }))).toBe('h.csv: file is empty');
  });
});

describe('parseHalls: capacity (issue 15)', () => {
  const cap = (h: { capacity?: Float64Array }) => (h.capacity === undefined ? undefined : Array.from(h.capacity));
  it('leaves capacity analysis off when no hall has the field and none is named', () => {
    expect(cap(parseHalls(fc([pt([113.9, 22.7], { name: 'A' })]), { file: 'h.geojson' }))).toBeUndefined();
    expect(cap(parseHalls('name,lng,lat,services\nA,113.9,22.7,petition\n', { file: 'h.csv' }))).toBeUndefined();
  });
  it('reads GeoJSON numbers; null, "" and a missing field are unlimited; 0 is a capacity', () => {
    const h = parseHalls(
      fc([
        pt([113.9, 22.7], { capacity: 1200 }),
        pt([113.9, 22.7], { capacity: null }),
        pt([113.9, 22.7], { capacity: '' }),
        pt([113.9, 22.7], {}),
        pt([113.9, 22.7], { capacity: 0 }),
        pt([113.9, 22.7], { capacity: -0 }),
        pt([113.9, 22.7], { capacity: 2.5 }),
      ]),
      { file: 'h.geojson' },
    );
    expect(cap(h)).toEqual([1200, Infinity, Infinity, Infinity, 0, 0, 2.5]);
    expect(Object.is(h.capacity![5], 0)).toBe(true);
  });
  it('reads CSV cells as numbers, an empty cell as unlimited, the column in any case', () => {
    expect(
      cap(parseHalls('name,lng,lat,services,Capacity\nA,113.9,22.7,petition,1200\nB,113.9,22.7,petition, \nC,113.9,22.7,petition,1.5e3\n', { file: 'h.csv' })),
    ).toEqual([1200, Infinity, 1500]);
  });
  it('turns analysis on for a named field no hall has (every hall unlimited), and reads a named field', () => {
    expect(cap(parseHalls(fc([pt([113.9, 22.7], { capacity: 5 })]), { file: 'h.geojson', capacityField: 'seats' }))).toEqual([Infinity]);
    expect(cap(parseHalls('name,lng,lat,services\nA,113.9,22.7,petition\n', { file: 'h.csv', capacityField: 'seats' }))).toEqual([Infinity]);
    expect(cap(parseHalls(fc([pt([113.9, 22.7], { seats: 5, capacity: 'x' })]), { file: 'h.geojson', capacityField: 'seats' }))).toEqual([5]);
  });
  it('rejects anything else with one line naming the file, the hall by position and name, and the field', () => {
    const geo = (v: unknown, name: unknown = '光明大厅') =>
      message(() => parseHalls(fc([pt([113.9, 22.7], { name: 'ok', capacity: 1 }), pt([113.9, 22.7], { name, capacity: v })]), { file: 'h.geojson' }));
    expect(geo('1200')).toBe('h.geojson: feature 1, field "capacity": "1200" is text, not a number: write the capacity without quotes (hall "光明大厅")');
    expect(geo(-5)).toBe('h.geojson: feature 1, field "capacity": -5 is negative (hall "光明大厅")');
    expect(geo(true)).toBe('h.geojson: feature 1, field "capacity": true is not a number (hall "光明大厅")');
    expect(geo([5])).toBe('h.geojson: feature 1, field "capacity": [5] is not a number (hall "光明大厅")');
    expect(geo(-5, null)).toBe('h.geojson: feature 1, field "capacity": -5 is negative');
    expect(
      message(() =>
        parseHalls(
          '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A","capacity":1e999},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}]}',
          { file: 'h.geojson' },
        ),
      ),
    ).toBe('h.geojson: feature 0, field "capacity": Infinity is not a finite number (hall "A")');
    const csv = (v: string) =>
      message(() => parseHalls(`name,lng,lat,services,capacity\nok,113.9,22.7,petition,1\n光明大厅,113.9,22.7,petition,${v}\n`, { file: 'h.csv' }));
    expect(csv('abc')).toBe('h.csv: row 2 (line 3), field "capacity": "abc" is not a number (hall "光明大厅")');
    expect(csv('-5')).toBe('h.csv: row 2 (line 3), field "capacity": -5 is negative (hall "光明大厅")');
    expect(csv('1e999')).toBe('h.csv: row 2 (line 3), field "capacity": "1e999" is not a finite number (hall "光明大厅")');
    expect(csv('0x10')).toBe('h.csv: row 2 (line 3), field "capacity": "0x10" is not a number (hall "光明大厅")');
  });
});

// The hand-written reference of cli-vs-reference.bench.ts: what a programmer
// would write by hand to count, per area and per service, the people within
// 500 m of a hall. Plain JavaScript run by plain Node (no build step): each
// file read whole and JSON.parse'd, kdbush over the population points, one
// range query per hall and service with the haversine check (turf's earth
// radius, as the engine), a ray-casting point-in-polygon per point.
// Only for the bench's generated inputs (a FeatureCollection of points with
// "population", a name,lng,lat,"services" CSV, polygons named by "name").
// Run: node test/bench/kdbush-reference.mjs halls.csv population.geojson areas.geojson out.json
import { readFileSync, writeFileSync } from 'node:fs';
import KDBush from 'kdbush';

const [hallsPath, populationPath, areasPath, outPath] = process.argv.slice(2);
const RADIUS_M = 500;
const R = 6_371_008.8;
const rad = (d) => (d * Math.PI) / 180;

const points = JSON.parse(readFileSync(populationPath, 'utf8')).features;
const n = points.length;
const lng = new Float64Array(n),
  lat = new Float64Array(n),
  weight = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const [x, y] = points[i].geometry.coordinates;
  lng[i] = x;
  lat[i] = y;
  weight[i] = points[i].properties.population;
}

const halls = readFileSync(hallsPath, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [, name, x, y, services] = /^([^,]*),([^,]*),([^,]*),"?(.*?)"?$/.exec(line);
    return { name, lng: Number(x), lat: Number(y), services: services.split('，').filter(Boolean) };
  });
const services = [...new Set(halls.flatMap((h) => h.services))].sort();

const areas = JSON.parse(readFileSync(areasPath, 'utf8')).features.map((f) => {
  const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const xs = rings.flat(3).filter((_, k) => k % 2 === 0),
    ys = rings.flat(3).filter((_, k) => k % 2 === 1);
  return { name: f.properties.name, rings, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
});

// Even-odd ray casting over every ring of every polygon.
function inside(x, y, area) {
  const [x0, y0, x1, y1] = area.box;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  let odd = false;
  for (const polygon of area.rings) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i],
          [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
    }
  }
  return odd;
}

const index = new KDBush(n);
for (let i = 0; i < n; i++) index.add(lng[i], lat[i]);
index.finish();

// covered[s][i]: point i is within RADIUS_M of a hall offering service s.
const covered = services.map(() => new Uint8Array(n));
const dLat = (RADIUS_M / R) * (180 / Math.PI);
for (const h of halls) {
  const dLng = dLat / Math.cos(rad(h.lat));
  const near = index.range(h.lng - dLng, h.lat - dLat, h.lng + dLng, h.lat + dLat).filter((i) => {
    const a = Math.sin(rad(lat[i] - h.lat) / 2) ** 2 + Math.sin(rad(lng[i] - h.lng) / 2) ** 2 * Math.cos(rad(lat[i])) * Math.cos(rad(h.lat));
    return 2 * R * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) <= RADIUS_M;
  });
  for (const s of h.services) for (const i of near) covered[services.indexOf(s)][i] = 1;
}

const keys = [...services, 'all'];
const row = (name) => ({ name, population: 0, covered: Object.fromEntries(keys.map((k) => [k, 0])) });
const perArea = areas.map((a) => row(a.name));
const total = row('total');
for (let i = 0; i < n; i++) {
  let a = areas.findIndex((area) => inside(lng[i], lat[i], area));
  // A point on an area's outline counts as inside it, as in the engine: only
  // such points fail the ray test and still lie in some area's box.
  if (a < 0) a = areas.findIndex(({ box: [x0, y0, x1, y1] }) => lng[i] >= x0 && lng[i] <= x1 && lat[i] >= y0 && lat[i] <= y1);
  const rows = a >= 0 ? [perArea[a], total] : [total];
  let all = true;
  for (const r of rows) r.population += weight[i];
  services.forEach((s, k) => {
    if (covered[k][i]) for (const r of rows) r.covered[s] += weight[i];
    else all = false;
  });
  if (all) for (const r of rows) r.covered.all += weight[i];
}
writeFileSync(outPath, JSON.stringify({ services, total, areas: perArea }));
console.log(`${n} points, ${halls.length} halls, ${areas.length} areas: ${total.covered.all} of ${total.population} people near every service`);

// Area of a lng/lat polygon on the sphere, for the gap list's area_m2 column.
// Uses the spherical-excess sum of Chamberlain & Duquette ("Some algorithms
// for polygons on a sphere", JPL 2007) on the mean Earth radius, the method
// and radius of @turf/area, so the numbers agree with Turf-based tools (see
// the test) without shipping Turf's geometry walker to the browser.
import type { MultiPolygon, Polygon, Position } from 'geojson';

const R = 6_371_008.8; // mean Earth radius, metres (IUGG; Turf's earthRadius)
const RAD = Math.PI / 180;

/** Area in m² of a Polygon or MultiPolygon (outer rings minus holes, whatever their winding). */
export function geodesicAreaM2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, k) => {
      const a = Math.abs(ringExcess(ring));
      total += k === 0 ? a : -a;
    });
  }
  return (total * R * R) / 2;
}

// Σ (λ(i+1) − λ(i−1)) · sin φ(i) over a closed ring (last position = first), radians.
function ringExcess(ring: Position[]): number {
  const n = ring.length - 1; // distinct positions
  if (n <= 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const prev = ring[(i + n - 1) % n];
    const next = ring[(i + 1) % n];
    sum += (next[0] - prev[0]) * RAD * Math.sin(ring[i][1] * RAD);
  }
  return sum;
}

// TEMPORARY: stands in for the core helper's haversine/bbox until it lands.
const R = 6_371_008.8;
const RAD = Math.PI / 180;
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const a = s1 * s1 + s2 * s2 * Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * R;
}
export function radiusBBox(lng: number, lat: number, r: number): [number, number, number, number] {
  const d = r / R;
  const dLat = (d / RAD) * (1 + 1e-9) + 1e-12;
  if (Math.abs(lat) + dLat >= 90 || d >= Math.PI / 2) return [-180, Math.max(-90, lat - dLat), 180, Math.min(90, lat + dLat)];
  const dLng = (Math.asin(Math.min(1, Math.sin(d) / Math.cos(lat * RAD))) / RAD) * (1 + 1e-9) + 1e-12;
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

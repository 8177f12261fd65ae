// Download names carry what the file is about, so a folder of exports stays
// readable: service-circles_gaps_legal-aid_500m_2026-11-27.geojson.

export type ExportKind = 'gaps' | 'stats' | 'hall-loads' | 'proposed-halls' | 'proposed-and-suggested-halls' | 'map';

/** Local calendar date as YYYY-MM-DD (the planner's day, not UTC). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `service-circles_<kind>_<service>_<radius>m_<date>[_gcj02].<ext>`; the service is 'all' for all three. */
export function exportFileName(kind: ExportKind, service: string, radiusM: number, date: Date, ext: string, crs: 'wgs84' | 'gcj02' = 'wgs84'): string {
  // Service names come from data files: keep letters (any script), digits, '-' only.
  const safe =
    service
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'service';
  const suffix = crs === 'gcj02' ? '_gcj02' : '';
  return `service-circles_${kind}_${safe}_${Math.round(radiusM)}m_${localDate(date)}${suffix}.${ext}`;
}

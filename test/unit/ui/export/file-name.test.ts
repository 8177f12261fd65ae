import { describe, expect, it } from 'vitest';
import { exportFileName, localDate } from '../../../../src/ui/export/file-name';

describe('exportFileName', () => {
  const day = new Date(2026, 10, 27, 23, 59); // local time, 27 November 2026
  it('carries kind, service, radius and the local date', () => {
    expect(exportFileName('gaps', 'legal-aid', 500, day, 'geojson')).toBe('service-circles_gaps_legal-aid_500m_2026-11-27.geojson');
    expect(exportFileName('stats', 'all', 1250, day, 'csv')).toBe('service-circles_stats_all_1250m_2026-11-27.csv');
  });
  it('says whether a halls file holds the unkept suggestions too', () => {
    expect(exportFileName('proposed-and-suggested-halls', 'legal-aid', 500, day, 'geojson')).toBe(
      'service-circles_proposed-and-suggested-halls_legal-aid_500m_2026-11-27.geojson',
    );
  });
  it('marks GCJ-02 files in the name', () => {
    expect(exportFileName('gaps', 'petition', 500, day, 'csv', 'gcj02')).toBe('service-circles_gaps_petition_500m_2026-11-27_gcj02.csv');
  });
  it('keeps only letters, digits and dashes of a service name from a data file', () => {
    expect(exportFileName('map', '../法律 援助/', 300, day, 'png')).toBe('service-circles_map_法律-援助_300m_2026-11-27.png');
    expect(exportFileName('map', '///', 300, day, 'png')).toBe('service-circles_map_service_300m_2026-11-27.png');
  });
  it('pads month and day', () => {
    expect(localDate(new Date(2027, 0, 5))).toBe('2027-01-05');
  });
});

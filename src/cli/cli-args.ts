// Command-line flags of `analyze`, checked into typed options. Any problem
// becomes a UsageError with one line for stderr (exit code 2).
import { parseArgs } from 'node:util';
import { CRS_NAMES, splitServices, type Crs, type DistanceMode } from '../core';
import { DISTANCE_MODES } from '../core/network';
import type { ReportLang } from '../core/report/report-strings';

/** A bad flag or flag value: one line, shown with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface AnalyzeArgs {
  help: boolean;
  halls: string;
  hallsCrs: Crs;
  population: string;
  populationField: string;
  populationCrs: Crs;
  areas: string;
  areaField: string;
  areasCrs: Crs;
  /** Further --areas, coarse to fine, each with its --area-field. */
  levels: { file: string; field: string }[];
  /** Coverage target, a fraction 0–1; null: none. */
  target: number | null;
  /** Population properties with groups of people, reported in every block's `groups`. */
  groupFields: string[];
  capacityField: string | undefined; // undefined: read CAPACITY_FIELD when some hall has it
  radiusM: number;
  services: string[] | null; // null = every service found in the halls
  stats: string | null;
  gaps: string | null;
  /** The printable HTML report, and its language. */
  report: string | null;
  reportLang: ReportLang;
  roads: string | null; // roads GeoJSON for network distance
  roadsCrs: Crs;
  distance: DistanceMode;
}

export const USAGE = `Usage: npm run --silent analyze -- --halls H.geojson|H.csv --population P.geojson --areas A.geojson [options]

Counts the people within reach of service halls, per service and per area.

Required:
  --halls FILE              halls: GeoJSON Point features, or CSV with columns name,lng,lat,services
  --population FILE         population: GeoJSON Point features, or Polygon/MultiPolygon features
  --areas FILE              areas: GeoJSON Polygon/MultiPolygon features with a name; repeat it
                            for further levels, coarse to fine (e.g. subdistricts, then communities)
Options:
  --halls-crs CRS           wgs84 (default), gcj02 or bd09; converted to WGS84 on import
  --population-crs CRS      the same for the population file
  --areas-crs CRS           the same for the areas file
  --population-field NAME   numeric property holding people (default population)
  --area-field NAME         property holding the area name (default name); once for every
                            level, or once per --areas in the same order
  --capacity-field NAME     hall property (CSV column) with people each hall can serve per service
                            (default capacity); when some hall has it, or it is named, the stats
                            add served / over_capacity / out_of_range, 2SFCA and per-hall loads
  --radius METRES           service radius in metres (default 500): great-circle, or walked with --distance network
  --services A,B            report only these services (default: all found in the halls)
  --target FRACTION         coverage target 0-1 (e.g. 0.95): marks meets_target in every block
  --group-fields A,B        population properties counting groups of people (e.g. age65,children)
  --stats FILE              write the stats JSON here (default: standard output)
  --gaps FILE               write the gap zones GeoJSON here
  --report FILE             write a printable report here: one self-contained HTML file for A4
                            (map, district table, largest gaps, method; no scripts)
  --report-lang LANG        zh (default) or en: the report's language
  --roads FILE              roads: GeoJSON lines or an OSM .osm.pbf extract, the walking network
  --roads-crs CRS           the same as --halls-crs, for the roads file
  --distance MODE           straight (default, great-circle) or network (along --roads)
  -h, --help                show this help
Each option may be given once, except --areas and --area-field. An output file may not be one of the inputs; outputs are
replaced only when every one of them was written in full.
Exit codes: 0 success, 2 bad input or flags (one line on standard error), 1 unexpected failure.
See docs/data-format.md for formats and semantics.`;

// Options that may be given more than once: each --areas is a level of areas.
const REPEATABLE = new Set(['areas', 'area-field']);

// Each --areas with its --area-field: one field applies to every level,
// otherwise one per --areas in order (undefined: the default).
function areaLevels(files: string[], fields: string[]): { file: string; field: string | undefined }[] {
  if (files.length === 0 || files.some((f) => f === '')) throw new UsageError('--areas FILE is required (see --help)');
  if (fields.length > 1 && fields.length !== files.length) {
    throw new UsageError(
      `--area-field is given ${fields.length} times but --areas ${files.length} times: give it once for every level, or once per --areas in the same order`,
    );
  }
  return files.map((file, i) => ({ file, field: fields.length > 1 ? fields[i] : fields[0] }));
}

// Decimal notation only, as for --radius.
const DECIMAL = /^\s*\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

function fraction(flag: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const x = Number(v);
  if (!DECIMAL.test(v) || !(x >= 0 && x <= 1)) throw new UsageError(`--${flag}: "${v}" is not a fraction between 0 and 1 (e.g. 0.95 for 95 %)`);
  return x;
}

// Property names separated by commas, each once.
function groupFields(v: string | undefined): string[] {
  if (v === undefined) return [];
  const names = v.split(',').map((x) => x.trim());
  if (names.some((x) => x === ''))
    throw new UsageError(`--group-fields: "${v}" has an empty property name; give names separated by commas, e.g. --group-fields age65,children`);
  const twice = names.find((x, i) => names.indexOf(x) !== i);
  if (twice !== undefined) throw new UsageError(`--group-fields: "${twice}" is given twice`);
  return names;
}

function reportLang(v: string | undefined): ReportLang {
  if (v === undefined) return 'zh';
  const lang = v.toLowerCase();
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--report-lang: "${v}" is not one of zh, en`);
  return lang;
}

function crs(flag: string, v: string | undefined): Crs {
  if (v === undefined) return 'wgs84';
  const c = v.toLowerCase() as Crs;
  if (!CRS_NAMES.includes(c)) throw new UsageError(`--${flag}: "${v}" is not one of ${CRS_NAMES.join(', ')}`);
  return c;
}

/** Parse and check argv (without node and script). */
export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  let values: Record<string, string | string[] | boolean | undefined>;
  let tokens: { kind: string; name?: string; value?: string }[];
  try {
    ({ values, tokens } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      tokens: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        halls: { type: 'string' },
        'halls-crs': { type: 'string' },
        population: { type: 'string' },
        'population-field': { type: 'string' },
        'population-crs': { type: 'string' },
        areas: { type: 'string', multiple: true },
        'area-field': { type: 'string', multiple: true },
        'capacity-field': { type: 'string' },
        'areas-crs': { type: 'string' },
        radius: { type: 'string' },
        services: { type: 'string' },
        target: { type: 'string' },
        'group-fields': { type: 'string' },
        stats: { type: 'string' },
        gaps: { type: 'string' },
        report: { type: 'string' },
        'report-lang': { type: 'string' },
        roads: { type: 'string' },
        'roads-crs': { type: 'string' },
        distance: { type: 'string' },
      },
    }));
  } catch (e) {
    // Node's messages can span lines; the CLI promises one.
    throw new UsageError(`${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')} (see --help)`);
  }
  const str = (k: string) => values[k] as string | undefined;
  if (values.help) return { help: true } as AnalyzeArgs;
  // parseArgs keeps the last of a repeated option: `--radius 100 --radius 2000`
  // would silently run at 2000 m. Only the area levels repeat.
  const given = new Map<string, string[]>();
  for (const t of tokens) if (t.kind === 'option' && t.name !== undefined && t.value !== undefined) given.set(t.name, [...(given.get(t.name) ?? []), t.value]);
  for (const [name, vals] of given) {
    if (vals.length > 1 && !REPEATABLE.has(name))
      throw new UsageError(`--${name} is given ${vals.length} times (${vals.map((v) => JSON.stringify(v)).join(', ')}): give it once`);
  }
  for (const k of ['halls', 'population']) if (!str(k)) throw new UsageError(`--${k} FILE is required (see --help)`);
  let radiusM = 500;
  if (str('radius') !== undefined) {
    radiusM = Number(str('radius'));
    // Decimal notation only: Number() would also read '0x1F4' or '0b1' as metres.
    if (!DECIMAL.test(str('radius')!) || !Number.isFinite(radiusM) || radiusM < 0)
      throw new UsageError(`--radius: "${str('radius')}" is not a number of metres >= 0`);
  }
  const target = fraction('target', str('target'));
  let services: string[] | null = null;
  if (str('services') !== undefined) {
    services = splitServices(str('services'));
    if (services === null || services.length === 0) throw new UsageError('--services: give at least one service, e.g. --services petition,legal-aid');
  }
  const field = (k: string, def: string, v = str(k)) => {
    if (v !== undefined && v.trim() === '') throw new UsageError(`--${k}: the property name is empty`);
    return v ?? def;
  };
  const levels = areaLevels((values.areas as string[] | undefined) ?? [], (values['area-field'] as string[] | undefined) ?? []).map((l) => ({
    file: l.file,
    field: field('area-field', 'name', l.field),
  }));
  const distance = (str('distance') ?? 'straight').toLowerCase() as DistanceMode;
  if (!DISTANCE_MODES.includes(distance)) throw new UsageError(`--distance: "${str('distance')}" is not one of ${DISTANCE_MODES.join(', ')}`);
  if (str('report-lang') !== undefined && str('report') === undefined)
    throw new UsageError('--report-lang needs --report FILE (the report it sets the language of)');
  if (distance === 'network' && !str('roads')) throw new UsageError('--distance network needs --roads FILE (a GeoJSON of road lines)');
  return {
    help: false,
    halls: str('halls')!,
    hallsCrs: crs('halls-crs', str('halls-crs')),
    population: str('population')!,
    populationField: field('population-field', 'population'),
    populationCrs: crs('population-crs', str('population-crs')),
    areas: levels[0].file,
    areaField: levels[0].field,
    areasCrs: crs('areas-crs', str('areas-crs')),
    levels: levels.slice(1),
    target,
    groupFields: groupFields(str('group-fields')),
    capacityField: str('capacity-field') === undefined ? undefined : field('capacity-field', ''),
    radiusM,
    services,
    stats: str('stats') ?? null,
    gaps: str('gaps') ?? null,
    report: str('report') ?? null,
    reportLang: reportLang(str('report-lang')),
    roads: str('roads') ?? null,
    roadsCrs: crs('roads-crs', str('roads-crs')),
    distance,
  };
}

// The project file (*.servicecircles.json): one download holding a planner's
// own data (each file's bytes with the import choices that read it), the view
// and the scenarios of proposed halls, so a colleague reopens exactly the same work.
// Pure (no DOM, no storage), so writing, reading and every refusal are
// unit-tested in Node. The format is described in docs/planning.md.
//
// Reading refuses the whole file on the first problem, with one line naming
// the field: a project is applied all at once or not at all, so the data
// already shown is never half replaced.
import { CRS_NAMES } from '../../core/crs/crs';
import { FILE_ROLES, type Crs, type FileRole } from '../../core/types';
import type { SavedHall } from '../../core/planning/plan-types';
import { RADIUS_MAX, RADIUS_MIN, SERVICE_CHOICES, type ServiceChoice } from '../choices';
import { formatMiB, PROJECT_DATA_MAX_BYTES } from '../../core/limits';

export const PROJECT_FORMAT = 'service-circles-project';
/** Version 2 holds named scenarios; version 1 (one list of proposed halls) is still read, as one scenario. */
export const PROJECT_VERSION = 2;
export const PROJECT_EXT = '.servicecircles.json';

const CRSS: readonly Crs[] = CRS_NAMES;

/** One own file: its exact bytes and how it was read. One per role, except areas: several are the area levels, coarse to fine, in file order. */
export interface ProjectData {
  role: FileRole;
  name: string;
  crs: Crs;
  field?: string; // halls: services field; population: people field; areas: name field
  /** halls: the capacity field chosen in the import dialog (written as capacity_field). */
  capacityField?: string;
  /** population: count fields of groups of people (written as group_fields). */
  groupFields?: string[];
  bytes: Uint8Array;
}

export interface ProjectView {
  service: ServiceChoice;
  radiusM: number;
  area: string | null; // the selected area's name, as in the areas file
  center: [number, number]; // [lng, lat] WGS84 degrees
  zoom: number;
  lang?: 'zh' | 'en';
}

export interface ProjectScenario {
  name: string; // non-empty, unique in the file; '' only for the one list of a version 1 file
  proposed: SavedHall[];
}

export interface Project {
  /** When the own data was first loaded (ISO 8601); null when the project is on the sample. */
  loadedAt: string | null;
  /** Roles not listed are the app's embedded sample. */
  data: ProjectData[];
  view: ProjectView;
  scenarios: ProjectScenario[];
  /** Index into `scenarios` of the active one; null for today (现状). */
  activeScenario: number | null;
}

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // ignoreBOM: keep a BOM, so the bytes come back exactly

/** File text as stored: UTF-8 files as text (readable, diffable), any other bytes (GBK CSV) as base64. */
function encodeBytes(bytes: Uint8Array): { encoding: 'text' | 'base64'; content: string } {
  try {
    return { encoding: 'text', content: utf8.decode(bytes) };
  } catch {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { encoding: 'base64', content: btoa(bin) };
  }
}

/** The project as the text of a *.servicecircles.json file; throws when its data is over PROJECT_DATA_MAX_BYTES. */
export function writeProject(p: Project, savedAt: Date): string {
  const total = p.data.reduce((n, d) => n + d.bytes.length, 0);
  if (total > PROJECT_DATA_MAX_BYTES) {
    throw new Error(
      `the data is ${formatMiB(total, 1)}, more than the ${formatMiB(PROJECT_DATA_MAX_BYTES)} a project file holds; hand the files themselves over`,
    );
  }
  const out = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    saved_at: savedAt.toISOString(),
    data: {
      loaded_at: p.loadedAt,
      files: p.data.map((d) => ({
        role: d.role,
        name: d.name,
        crs: d.crs,
        ...(d.field ? { field: d.field } : {}),
        ...(d.capacityField ? { capacity_field: d.capacityField } : {}),
        ...(d.groupFields?.length ? { group_fields: d.groupFields } : {}),
        ...encodeBytes(d.bytes),
      })),
    },
    view: {
      service: p.view.service,
      radius_m: p.view.radiusM,
      area: p.view.area,
      center: p.view.center,
      zoom: p.view.zoom,
      ...(p.view.lang ? { lang: p.view.lang } : {}),
    },
    scenarios: p.scenarios.map((sc) => ({ name: sc.name, proposed: sc.proposed.map(({ id: _id, ...h }) => h) })),
    active_scenario: p.activeScenario,
  };
  return JSON.stringify(out, null, 1) + '\n';
}

class Refused extends Error {}
const refuse = (msg: string): never => {
  throw new Refused(msg);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
};

function obj(v: unknown, where: string): Obj {
  return isObj(v) ? v : refuse(`${where}: expected an object, found ${show(v)}`);
}
function str(v: unknown, where: string): string {
  return typeof v === 'string' ? v : refuse(`${where}: expected text, found ${show(v)}`);
}
function num(v: unknown, where: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return refuse(`${where}: expected a number, found ${show(v)}`);
  return v >= lo && v <= hi ? v : refuse(`${where}: ${v} is outside ${lo}…${hi}`);
}
function oneOf<T extends string>(v: unknown, list: readonly T[], where: string): T {
  return (list as readonly unknown[]).includes(v) ? (v as T) : refuse(`${where}: ${show(v)} is not one of ${list.join(', ')}`);
}
function date(v: unknown, where: string): string {
  const s = str(v, where);
  return Number.isFinite(Date.parse(s)) ? s : refuse(`${where}: "${s.slice(0, 40)}" is not a date`);
}

function decodeContent(encoding: unknown, content: unknown, where: string): Uint8Array {
  const enc = oneOf(encoding, ['text', 'base64'] as const, `${where}.encoding`);
  const text = str(content, `${where}.content`);
  if (enc === 'text') return new TextEncoder().encode(text);
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return refuse(`${where}.content: not valid base64`);
  }
}

function readData(v: unknown): { loadedAt: string | null; data: ProjectData[] } {
  const d = obj(v, 'data');
  const loadedAt = d.loaded_at === null || d.loaded_at === undefined ? null : date(d.loaded_at, 'data.loaded_at');
  if (!Array.isArray(d.files)) refuse(`data.files: expected a list, found ${show(d.files)}`);
  const files = d.files as unknown[];
  const out: ProjectData[] = [];
  let total = 0;
  files.forEach((f, i) => {
    const where = `data.files[${i}]`;
    const o = obj(f, where);
    const role = oneOf(o.role, FILE_ROLES, `${where}.role`);
    // Several areas files are the area levels, in order.
    const twin = role === 'areas' ? undefined : out.find((x) => x.role === role);
    if (twin)
      refuse(
        `${where}: a second ${role} file ("${str(o.name, `${where}.name`).slice(0, 40)}" after "${twin.name.slice(0, 40)}"); a project holds one file per role, except area levels`,
      );
    const name = str(o.name, `${where}.name`);
    if (name.trim() === '') refuse(`${where}.name: empty`);
    const crs = oneOf(o.crs, CRSS, `${where}.crs`);
    const field = o.field === undefined ? undefined : str(o.field, `${where}.field`);
    const capacityField = o.capacity_field === undefined ? undefined : str(o.capacity_field, `${where}.capacity_field`);
    const g = o.group_fields;
    if (g !== undefined && !Array.isArray(g)) refuse(`${where}.group_fields: expected a list, found ${show(g)}`);
    const groupFields = ((g ?? []) as unknown[]).map((x, k) => str(x, `${where}.group_fields[${k}]`));
    if (groupFields.some((x) => x === '')) refuse(`${where}.group_fields: an empty name`);
    const bytes = decodeContent(o.encoding, o.content, where);
    total += bytes.length;
    if (total > PROJECT_DATA_MAX_BYTES) refuse(`${where}: the data is over the ${formatMiB(PROJECT_DATA_MAX_BYTES)} a project file holds`);
    out.push({
      role,
      name,
      crs,
      ...(field ? { field } : {}),
      ...(capacityField ? { capacityField } : {}),
      ...(groupFields.length ? { groupFields } : {}),
      bytes,
    });
  });
  if (out.length > 0 && loadedAt === null) refuse('data.loaded_at: missing, though the project holds files');
  return { loadedAt, data: out };
}

function readView(v: unknown): ProjectView {
  const o = obj(v, 'view');
  const service = oneOf(o.service, SERVICE_CHOICES, 'view.service');
  const radiusM = num(o.radius_m, 'view.radius_m', RADIUS_MIN, RADIUS_MAX);
  if (!Number.isInteger(radiusM)) refuse(`view.radius_m: ${radiusM} is not a whole number of metres`);
  const area = o.area === null || o.area === undefined ? null : str(o.area, 'view.area');
  if (!Array.isArray(o.center) || o.center.length !== 2) refuse(`view.center: expected [longitude, latitude], found ${show(o.center)}`);
  const c = o.center as unknown[];
  const center: [number, number] = [num(c[0], 'view.center[0] (longitude)', -180, 180), num(c[1], 'view.center[1] (latitude)', -90, 90)];
  const zoom = num(o.zoom, 'view.zoom', 0, 24);
  const lang = o.lang === undefined ? undefined : oneOf(o.lang, ['zh', 'en'] as const, 'view.lang');
  return { service, radiusM, area, center, zoom, ...(lang ? { lang } : {}) };
}

function readProposed(v: unknown, at: string): SavedHall[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return refuse(`${at}: expected a list, found ${show(v)}`);
  return v.map((h, i) => {
    const where = `${at}[${i}]`;
    const o = obj(h, where);
    const lng = num(o.lng, `${where}.lng`, -180, 180);
    const lat = num(o.lat, `${where}.lat`, -90, 90);
    if (!Array.isArray(o.services)) refuse(`${where}.services: expected a list, found ${show(o.services)}`);
    const services = (o.services as unknown[]).map((s, k) => str(s, `${where}.services[${k}]`));
    const name = o.name === undefined ? '' : str(o.name, `${where}.name`);
    const { id: _id, ...rest } = o;
    return { ...rest, lng, lat, services, name };
  });
}

function readScenarios(o: Obj): { scenarios: ProjectScenario[]; activeScenario: number | null } {
  if (!Array.isArray(o.scenarios)) return refuse(`scenarios: expected a list, found ${show(o.scenarios)}`);
  const scenarios = (o.scenarios as unknown[]).map((sc, i) => {
    const where = `scenarios[${i}]`;
    const s = obj(sc, where);
    const name = str(s.name, `${where}.name`);
    if (name.trim() === '') refuse(`${where}.name: empty`);
    return { name, proposed: readProposed(s.proposed, `${where}.proposed`) };
  });
  scenarios.forEach((s, i) => {
    if (scenarios.findIndex((x) => x.name === s.name) !== i) refuse(`scenarios[${i}].name: "${s.name.slice(0, 40)}" twice; scenario names are unique`);
  });
  const a = o.active_scenario;
  const activeScenario = a === null || a === undefined ? null : num(a, 'active_scenario', 0, scenarios.length - 1);
  if (activeScenario !== null && !Number.isInteger(activeScenario)) refuse(`active_scenario: ${activeScenario} is not a scenario's position`);
  return { scenarios, activeScenario };
}

/** Read a project file's text; every refusal is one line naming the field (`file` names the file). */
export function readProject(text: string, file: string): Read<Project> {
  try {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      return refuse(`not JSON (${e instanceof Error ? e.message.split('\n')[0].slice(0, 80) : 'syntax error'})`);
    }
    const o = obj(json, 'the file');
    if (o.format !== PROJECT_FORMAT) refuse(`format: expected "${PROJECT_FORMAT}", found ${show(o.format)}: not a Service Circles project file`);
    const version = num(o.version, 'version', 1, Number.MAX_SAFE_INTEGER);
    if (version > PROJECT_VERSION) refuse(`version ${version} was written by a newer app (this one reads version ${PROJECT_VERSION}); open it there`);
    if (version !== 1 && version !== PROJECT_VERSION) refuse(`version: ${version} is not a known version`);
    const { loadedAt, data } = readData(o.data);
    // Version 1 kept one list of proposed halls: it opens as one scenario, active.
    const planned = version === 1 ? { scenarios: [{ name: '', proposed: readProposed(o.proposed, 'proposed') }], activeScenario: 0 } : readScenarios(o);
    return { ok: true, value: { loadedAt, data, view: readView(o.view), ...planned } };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: `${file}: ${e.message}` };
    throw e;
  }
}

/** Whether a picked file's name marks it as a project file. */
export function isProjectFileName(name: string): boolean {
  return name.toLowerCase().endsWith(PROJECT_EXT);
}

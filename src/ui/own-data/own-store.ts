// The planner's own data kept in this browser (IndexedDB, see idb-kv.ts) so
// that a reload or a browser restart shows it again: each imported file's
// bytes as a Blob with the choices that read it (role, field, CRS, group
// fields), one file per role except areas, whose files are the area levels in
// order (the first level, then the further ones, coarse to fine), so start-up
// sends it through the same worker load as the import did, and the last view
// (the link hash). The logic sits behind a three-method key-value interface,
// so it is unit-tested with a Map; the real IndexedDB is tested in the browser.
//
// Storage never breaks the app: every failure comes back as a problem the
// banner states in words (full, unavailable), and what is read back is
// checked, so a damaged or foreign record is ignored, never loaded.
import { CRS_NAMES } from '../../core/crs/crs';
import { FILE_ROLES, type FileRole } from '../../core/types';
import type { ImportFile } from '../../worker/messages';

export interface KeyValue {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * One own file behind the shown data: the file and the choices the import
 * read it with (ImportFile), and its role; several 'areas' files are the area
 * levels, coarse to fine, in list order.
 */
export interface OwnInput extends ImportFile {
  role: FileRole;
}

/** The import choices that read a file: what is kept with it, in this browser and in a project file. */
export type ReadChoices = Omit<ImportFile, 'file' | 'blob'>;

/** The choices alone, the optional ones only when set: the one list of them, so none is dropped on the way to storage and back. */
export function readChoices(i: ReadChoices): ReadChoices {
  return {
    crs: i.crs,
    ...(i.field ? { field: i.field } : {}),
    ...(i.capacityField ? { capacityField: i.capacityField } : {}),
    ...(i.groupFields?.length ? { groupFields: [...i.groupFields] } : {}),
  };
}

/** The input with only its known members (optional ones when set), as stored. */
export function ownInput(role: FileRole, i: Omit<OwnInput, 'role'>): OwnInput {
  return { role, file: i.file, blob: i.blob, ...readChoices(i) };
}

export interface StoredData {
  /** When the own data was loaded (ISO 8601): the banner's date. */
  loadedAt: string;
  inputs: OwnInput[];
}

/** Why storing failed, for the banner: 'full' (quota), 'unavailable' (no IndexedDB, blocked, private mode), 'failed' (anything else). */
export type StoreProblem = { kind: 'full' | 'unavailable' | 'failed'; detail: string };

export type Stored<T> = { ok: true; value: T } | { ok: false; problem: StoreProblem };

export const DATA_KEY = 'own-data';
export const VIEW_KEY = 'own-view';
const RECORD_VERSION = 1;

/** What an exception from IndexedDB means for the person. */
export function problemOf(e: unknown): StoreProblem {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) return { kind: 'full', detail };
  if (['InvalidStateError', 'SecurityError', 'NotAllowedError', 'UnknownError', 'NotFoundError', 'BlockedError', 'UnavailableError'].includes(name))
    return { kind: 'unavailable', detail };
  return { kind: 'failed', detail };
}

const CRSS: readonly string[] = CRS_NAMES;

function validInput(x: unknown): x is OwnInput {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    (FILE_ROLES as readonly string[]).includes(o.role as string) &&
    typeof o.file === 'string' &&
    o.file !== '' &&
    o.blob instanceof Blob &&
    CRSS.includes(o.crs as string) &&
    (o.field === undefined || typeof o.field === 'string') &&
    (o.capacityField === undefined || typeof o.capacityField === 'string') &&
    (o.groupFields === undefined || (Array.isArray(o.groupFields) && o.groupFields.every((g) => typeof g === 'string' && g !== '')))
  );
}

/** A stored record as data, or null when it is missing, damaged or of another version. */
function validData(x: unknown): StoredData | null {
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  if (o.version !== RECORD_VERSION || typeof o.loadedAt !== 'string' || !Number.isFinite(Date.parse(o.loadedAt))) return null;
  if (!Array.isArray(o.inputs) || o.inputs.length === 0 || !o.inputs.every(validInput)) return null;
  const roles = o.inputs.map((i) => i.role).filter((r) => r !== 'areas');
  if (new Set(roles).size !== roles.length) return null;
  return { loadedAt: o.loadedAt, inputs: o.inputs.map((i) => ownInput(i.role, i)) };
}

export class OwnStore {
  private db: Promise<KeyValue> | null = null;

  /** `open` is called once, at the first use; a failed open is tried again at the next. */
  constructor(private open: () => Promise<KeyValue>) {}

  private async run<T>(fn: (db: KeyValue) => Promise<T>): Promise<Stored<T>> {
    try {
      this.db ??= this.open();
      return { ok: true, value: await fn(await this.db) };
    } catch (e) {
      this.db = null;
      return { ok: false, problem: problemOf(e) };
    }
  }

  /** Keep the own data (replacing what was kept); the view kept for older data goes with it. */
  saveData(d: StoredData): Promise<Stored<void>> {
    const record = {
      version: RECORD_VERSION,
      loadedAt: d.loadedAt,
      inputs: d.inputs.map((i) => ownInput(i.role, i)),
    };
    return this.run(async (db) => {
      await db.delete(VIEW_KEY);
      await db.put(DATA_KEY, record);
    });
  }

  /** The kept own data; null when none is kept or the record cannot be used (then it is removed). */
  loadData(): Promise<Stored<StoredData | null>> {
    return this.run(async (db) => {
      const raw = await db.get(DATA_KEY);
      if (raw === undefined) return null;
      const d = validData(raw);
      if (!d) await db.delete(DATA_KEY).catch(() => {});
      return d;
    });
  }

  /** Keep the view (a link hash) of the kept data. */
  saveView(hash: string): Promise<Stored<void>> {
    return this.run((db) => db.put(VIEW_KEY, hash));
  }

  /** The kept view, '' when none. */
  loadView(): Promise<Stored<string>> {
    return this.run(async (db) => {
      const v = await db.get(VIEW_KEY);
      return typeof v === 'string' ? v : '';
    });
  }

  /** Forget the own data and its view. */
  clear(): Promise<Stored<void>> {
    return this.run(async (db) => {
      await db.delete(DATA_KEY);
      await db.delete(VIEW_KEY);
    });
  }
}

/**
 * The own files after an import: its files replace those of their roles, the
 * others stay. New areas replace every kept level (as the worker drops the
 * old further levels with them); the import's further levels follow its
 * areas, in order.
 */
export function afterImport(
  inputs: readonly OwnInput[],
  imported: Partial<Record<FileRole, Omit<OwnInput, 'role'>>> & { levels?: Omit<OwnInput, 'role'>[] },
): OwnInput[] {
  const next = inputs.filter((i) => !imported[i.role]);
  for (const role of FILE_ROLES) {
    const r = imported[role];
    if (r) next.push(ownInput(role, r));
    if (role === 'areas' && r) for (const l of imported.levels ?? []) next.push(ownInput('areas', l));
  }
  return next;
}

/**
 * A short name for a set of own files (role, name, size in bytes, choices), for
 * links: a link made on own data carries it, so the page that opens the link
 * can tell whether it holds the same data. FNV-1a, 32 bits, 8 hex digits.
 */
export function fingerprint(inputs: readonly OwnInput[]): string {
  // The capacity field is named only when chosen, so files without one keep the name links made on them carry.
  const key = JSON.stringify(
    [...inputs]
      .sort((a, b) => a.role.localeCompare(b.role))
      .map((i) => [i.role, i.file, i.blob.size, i.crs, i.field ?? '', ...(i.capacityField ? [i.capacityField] : [])]),
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

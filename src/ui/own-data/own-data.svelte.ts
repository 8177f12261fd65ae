// Rune state and actions of the planner's own data: which own files are
// behind the shown data, whether (and since when) they are kept in this
// browser, storage problems to state, a link that names data this page lacks;
// keeping an import, the return to the sample, opening a project file.
import { KNOWN_SERVICES } from '../../core/types';
import { ALL_KEY } from '../choices';
import { app } from '../state.svelte';
import { planning, scenarioName } from '../planning/planning.svelte';
import { loadSampleFiles } from '../load-sample';
import { showData } from '../show-data';
import { applyShare, userLoadStarted } from '../share/app-share.svelte';
import type { ImportRequest, InputFiles } from '../../worker/messages';
import type { WorkerClient } from '../worker-client';
import { openIdbKeyValue } from './idb-kv';
import { afterImport, fingerprint, ownInput, OwnStore, readChoices, type OwnInput, type StoreProblem } from './own-store';
import { formatMiB, PROJECT_FILE_MAX_BYTES } from '../../core/limits';

export type OwnProblem = StoreProblem | { kind: 'restore' };

class OwnDataState {
  /** Own files behind the shown data ([] = the sample alone). */
  inputs = $state.raw<OwnInput[]>([]);
  /** When the own data was loaded, while it is kept in this browser (ISO 8601); null: nothing kept. */
  loadedAt = $state<string | null>(null);
  /** A storage failure to state (the app goes on without it). */
  problem = $state.raw<OwnProblem | null>(null);
  /** The data number of a start link made on own data this page does not hold; '' when none. */
  linkData = $state('');
  /** Names the own files in links (d=…); '' on the sample. */
  id = $derived(this.inputs.length ? fingerprint(this.inputs) : '');
}

export const own = new OwnDataState();

export const ownStore = new OwnStore(() => openIdbKeyValue());

/** Own files as the worker's load takes them, over the sample's for the other roles. */
export function withOwn<T extends Partial<InputFiles>>(sample: T, inputs: readonly OwnInput[]): T {
  const files = { ...sample };
  const file = (i: OwnInput) => ({ file: i.file, blob: i.blob, ...readChoices(i) });
  for (const i of inputs) if (i.role !== 'areas') files[i.role] = file(i);
  // Own areas come with their own further levels (none: the sample's communities belong to its subdistricts, not to other areas).
  const [areas, ...levels] = inputs.filter((i) => i.role === 'areas');
  if (areas) Object.assign(files, { areas: file(areas), levels: levels.map(file) });
  return files;
}

/** These own files are shown: keep them (and the date) in this browser; a failure is stated, never thrown. */
export async function keepOwnData(inputs: OwnInput[], loadedAt: string): Promise<void> {
  own.inputs = inputs;
  own.loadedAt = loadedAt;
  own.problem = null;
  own.linkData = '';
  const r = await ownStore.saveData({ loadedAt, inputs });
  if (!r.ok) own.problem = r.problem;
}

/** An import was shown: its files replace the own files of their roles, and all are kept. */
export function keepImport(req: ImportRequest): Promise<void> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a time stamp read once, not state.
  return keepOwnData(afterImport(own.inputs, req), new Date().toISOString());
}

/** The sample is shown: forget the own files, here and in storage. */
export async function forgetOwnData(): Promise<void> {
  own.inputs = [];
  own.loadedAt = null;
  own.problem = null;
  own.linkData = '';
  await ownStore.clear(); // a store that cannot be opened holds nothing to forget
}

/** Load the sample again and forget the kept own data (the banner's button). Throws the worker's message. */
export async function returnToSample(client: WorkerClient): Promise<void> {
  const end = userLoadStarted();
  try {
    const r = await client.request('load', await loadSampleFiles());
    if (!r) return; // a newer load replaced it
    showData(r, 'sample');
    await forgetOwnData();
  } finally {
    end();
  }
}

/**
 * Open a project file: check it whole, load its data (over the sample for roles
 * it does not hold), then apply its view and proposed halls, and keep its data
 * in this browser. Returns an error line, or '' when opened; on any error
 * nothing shown changes.
 */
export async function openProject(client: WorkerClient, file: File): Promise<string> {
  // Refused before reading: the text and its parse are held whole.
  if (file.size > PROJECT_FILE_MAX_BYTES)
    return `${file.name}: ${formatMiB(file.size)} is more than a project file can be (${formatMiB(PROJECT_FILE_MAX_BYTES)}); open the data files themselves`;
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
  }
  // The project reader and the scenarios' code are fetched when a project is opened, not with the page.
  let code: [typeof import('./project-file'), typeof import('../planning/scenarios.svelte')];
  try {
    code = await Promise.all([import('./project-file'), import('../planning/scenarios.svelte')]);
  } catch (e) {
    return `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
  }
  const [{ readProject }, scenarios] = code;
  const read = readProject(text, file.name);
  if (!read.ok) return read.error;
  const p = read.value;
  const inputs: OwnInput[] = p.data.map((d) => ownInput(d.role, { file: d.name, blob: new Blob([d.bytes as BlobPart]), ...readChoices(d) }));
  const end = userLoadStarted();
  try {
    const r = await client.request('load', withOwn(await loadSampleFiles(), inputs));
    if (!r) return '';
    showData(r, inputs.length ? 'own' : 'sample');
    const v = p.view;
    applyShare({
      center: v.center,
      zoom: v.zoom,
      services: v.service === ALL_KEY ? [...KNOWN_SERVICES] : [v.service],
      radius: v.radiusM,
      ...(v.area !== null ? { area: v.area } : {}),
      ...(v.lang ? { lang: v.lang } : {}),
    });
    // A version 1 file's one list has no name: it gets the first default name.
    const lang = v.lang ?? app.lang;
    const set = p.scenarios.map((sc) => ({ name: sc.name || scenarioName(lang, 1), halls: sc.proposed }));
    if (set.length) scenarios.restoreScenarios({ scenarios: set, active: p.activeScenario });
    else planning.reset(scenarioName(lang, 1));
    planning.markSaved(); // they are in a file already
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a time stamp read once, not state.
    if (inputs.length) await keepOwnData(inputs, p.loadedAt ?? new Date().toISOString());
    else await forgetOwnData();
    return '';
  } catch (e) {
    return `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    end();
  }
}

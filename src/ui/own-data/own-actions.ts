// The actions on the planner's own data (own-data.svelte.ts holds its state):
// keeping an import, the return to the sample, opening a project file. Only
// the import dialog, the own-data banner and the project tools run them, so
// this module comes with their chunks, not with the first load.
import { KNOWN_SERVICES } from '../../core/types';
import { ALL_KEY } from '../choices';
import { app } from '../state.svelte';
import { planning, scenarioName } from '../planning/planning.svelte';
import { loadSampleFiles } from '../load-sample';
import { showData } from '../show-data';
import { applyShare, userLoadStarted } from '../share/app-share.svelte';
import { loadLinkReader } from '../share/hash-sync';
import type { ImportRequest } from '../../worker/messages';
import type { WorkerClient } from '../worker-client';
import { own, ownStore, withOwn } from './own-data.svelte';
import { afterImport, ownInput, readChoices, type OwnInput } from './own-store';
import { formatMiB, PROJECT_FILE_MAX_BYTES } from '../../core/limits';

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
  // With the link reader: the project's view applies as a link's does.
  let code: [typeof import('./project-file'), typeof import('../planning/scenarios.svelte'), void];
  try {
    code = await Promise.all([import('./project-file'), import('../planning/scenarios.svelte'), loadLinkReader()]);
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
    if (inputs.length) await keepOwnData(inputs, p.loadedAt ?? new Date().toISOString());
    else await forgetOwnData();
    return '';
  } catch (e) {
    return `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    end();
  }
}

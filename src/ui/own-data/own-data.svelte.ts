// Rune state of the planner's own data: which own files are behind the shown
// data, whether (and since when) they are kept in this browser, storage
// problems to state, a link that names data this page lacks. The actions that
// change it (keeping an import, the return to the sample, opening a project
// file) are in own-actions.ts, which only the tools that run them import.
import type { InputFiles } from '../../worker/messages';
import { openIdbKeyValue } from './idb-kv';
import { fingerprint, OwnStore, readChoices, type OwnInput, type StoreProblem } from './own-store';

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

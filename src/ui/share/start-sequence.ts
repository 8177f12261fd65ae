// Start-up when the page URL names data sets (?halls=…): their downloads may
// take long, and meanwhile the user may load data themselves ("Reset to
// sample", an import). The user's choice wins: linked data that arrives
// afterwards is not loaded over it. Whatever is shown in the end, the caller
// then applies the start link to it, so the hash sync and the embed `ready`
// message start as after any start-up.
//
// Loads share one queue in the worker, answered in the order sent, and the
// page shows each answer as it comes; so the data the page shows is the
// worker's only if our load was not answered after a user's load.
import type { InputFiles } from '../../worker/messages';
import type { LinkedText } from './data-urls';
import { loadInitialData } from './linked-load';

export interface StartSteps<R> {
  sampleFiles: () => Promise<InputFiles>;
  linked: () => Promise<{ texts: LinkedText[]; errors: string[] }>;
  /** The worker's load; null when a newer load (the user's) replaced it before it ran. */
  load: (files: InputFiles) => Promise<R | null>;
  /** Data the user loaded themselves since start-up began, with its origin, or null. Read at call time. */
  userData: () => { origin: 'sample' | 'own' } | null;
  /** Resolves once the user's load that replaced ours in the worker queue is shown. */
  userDataShown: () => Promise<void>;
}

export type StartOutcome<R> =
  /** Show `result` (the linked data, or the sample when nothing linked could be used). */
  | { shown: 'start'; result: R; errors: string[]; replaced: string[] }
  /**
   * The user's data stays. `reloaded`: the sample again, sent because our
   * load ran after the user's reset in the worker; show it so page and
   * worker hold the same data.
   */
  | { shown: 'user'; reloaded: R | null };

/** Load the start data unless the user loads data first; see the module comment. */
export async function runStartSequence<R>(steps: StartSteps<R>): Promise<StartOutcome<R>> {
  let samplePromise: Promise<InputFiles> | null = null;
  const sampleFiles = () => (samplePromise ??= steps.sampleFiles());
  // Not sent once the user's data is shown: it would replace theirs.
  const gated = async (files: InputFiles) => (steps.userData() ? null : steps.load(files));
  const { result, errors, replaced } = await loadInitialData(sampleFiles, steps.linked, gated);
  if (result === null) {
    // Either not sent, or a user's load sent after ours replaced it in the queue: wait for theirs.
    if (!steps.userData()) await steps.userDataShown();
    return { shown: 'user', reloaded: null };
  }
  const user = steps.userData();
  if (!user) return { shown: 'start', result, errors, replaced };
  // The user's load was answered first, so it ran first: the worker now holds ours.
  // A reset is sent again; an import cannot be (its files are the dialog's), so ours is shown.
  if (user.origin === 'own') return { shown: 'start', result, errors, replaced };
  return { shown: 'user', reloaded: await steps.load(await sampleFiles()) };
}

// Start-up when the page URL names data sets (?halls=…): their downloads may
// take long, and meanwhile the user may load data themselves ("Reset to
// sample", an import). The user's load wins from the moment it starts: the
// start data is not sent while one runs, nor once one is shown; if the
// user's load fails, start-up goes on as if it had not been tried. Whatever
// is shown in the end, the caller then applies the start link to it, so the
// hash sync and the embed `ready` message start as after any start-up.
//
// Why "started", not "shown": the worker runs one request at a time, so a
// start load sent while the user's load runs is answered after it, over it
// (and an import cannot be sent again: its files are the dialog's). A user's
// load started after ours was sent is answered after ours (a waiting load goes
// before a waiting import) or replaces ours in the queue (a reset), so it
// simply follows the start data.
import type { InputFiles } from '../../worker/messages';
import type { LinkedText } from './data-urls';
import { loadInitialData } from './linked-load';

export interface StartSteps<R> {
  sampleFiles: () => Promise<InputFiles>;
  linked: () => Promise<{ texts: LinkedText[]; errors: string[] }>;
  /** Own files kept in this browser, loaded over the sample when nothing is linked. */
  stored?: () => Promise<Partial<InputFiles> | null>;
  /** The worker's load; null when a newer load (a user's reset) replaced it before it ran. */
  load: (files: InputFiles) => Promise<R | null>;
  /** Whether data the user loaded themselves is shown. Read at call time. */
  userShown: () => boolean;
  /** Resolves once no load the user started is running (shown, failed or replaced); at once if none. */
  userIdle: () => Promise<void>;
}

export type StartOutcome<R> =
  /** Show `result` (the linked data, or the sample when nothing linked could be used). */
  | { shown: 'start'; result: R; errors: string[]; replaced: string[]; kept?: true }
  /** The user's data stays; the worker holds it too. */
  | { shown: 'user' };

/** Load the start data unless the user loads data first; see the module comment. */
export async function runStartSequence<R>(steps: StartSteps<R>): Promise<StartOutcome<R>> {
  let samplePromise: Promise<InputFiles> | null = null;
  const sampleFiles = () => (samplePromise ??= steps.sampleFiles());
  // Null: the user's data is shown instead. Ours is sent again after a user's reset that
  // replaced it in the queue and then failed.
  const gated = async (files: InputFiles) => {
    let r: R | null = null;
    while (r === null) {
      await steps.userIdle();
      if (steps.userShown()) return null;
      r = await steps.load(files);
    }
    return r;
  };
  const { result, errors, replaced, kept } = await loadInitialData(sampleFiles, steps.linked, gated, steps.stored);
  return result === null ? { shown: 'user' } : { shown: 'start', result, errors, replaced, ...(kept ? { kept } : {}) };
}

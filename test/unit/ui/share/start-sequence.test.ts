import { describe, expect, it } from 'vitest';
import { runStartSequence, type StartOutcome } from '../../../../src/ui/share/start-sequence';
import type { LinkedText } from '../../../../src/ui/share/data-urls';
import type { InputFiles } from '../../../../src/worker/messages';

// Issue 7: the user loads data ("Reset to sample", an import) while the files
// a link names download. The fakes below stand for the worker's queue and for
// the page. The worker runs one request at a time; of the waiting ones a load
// goes before an import, and a waiting request is replaced (answered null) by
// a newer one of its type, as LatestWins does. The page shows each answer as
// it arrives and counts the loads the user started, as the import dialog does.
// `worker.holds` is what the worker-client's restart journal rebuilds (the
// last load, then each import after it): it must equal what the page shows.

const SAMPLE: InputFiles = {
  halls: { file: 'halls.geojson', text: 'sample halls' },
  population: { file: 'population.geojson', text: 'sample population' },
  areas: { file: 'areas.geojson', text: 'sample areas' },
};
const dataName = (files: InputFiles) => (files.halls.text === 'sample halls' ? 'sample' : 'linked');

/** A promise with its resolver, to release a download when the test says so. */
function gate<T>(): { promise: Promise<T>; open: (v: T) => void } {
  let open: (v: T) => void = () => {};
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

interface Job {
  kind: 'load' | 'import';
  name: string;
  ok: boolean;
  answer: (r: string | null) => void;
  fail: (e: Error) => void;
}

class FakeWorker {
  holds: string | null = null; // which data the worker's engine was built from
  sent: string[] = []; // every request, in the order sent
  private queue: Job[] = []; // the first one is running
  load = (files: InputFiles): Promise<string | null> => this.push('load', dataName(files), true);
  /** An import of one file; `ok` false: the file is bad and the worker answers an error. */
  import = (name: string, ok: boolean): Promise<string | null> => this.push('import', name, ok);
  private push(kind: Job['kind'], name: string, ok: boolean): Promise<string | null> {
    this.sent.push(name);
    return new Promise((answer, fail) => {
      const older = this.queue.findIndex((q, i) => i > 0 && q.kind === kind);
      if (older > 0) this.queue.splice(older, 1)[0].answer(null);
      this.queue.push({ kind, name, ok, answer, fail });
    });
  }
  /** Finish the running request and start the next, as the worker does. */
  runNext(): void {
    const q = this.queue.shift();
    if (!q) throw new Error('nothing waiting');
    const load = this.queue.findIndex((w) => w.kind === 'load');
    if (load > 0) this.queue.unshift(...this.queue.splice(load, 1));
    if (!q.ok) return q.fail(new Error(`${q.name}: bad file`));
    // An import replaces the roles it brings and keeps the others (here: halls + imported population).
    this.holds = q.kind === 'load' ? q.name : `${this.holds}+${q.name}`;
    q.answer(this.holds);
  }
  get waiting(): number {
    return this.queue.length;
  }
}

class FakePage {
  shown: string | null = null;
  private running = 0; // loads the user started that have not ended
  private idle: (() => void)[] = [];
  constructor(private worker: FakeWorker) {}
  /** What the import dialog does around a load: count it while it runs, show a non-null answer, end it. */
  private async userLoad(send: () => Promise<string | null>): Promise<void> {
    this.running++;
    try {
      const r = await send();
      if (r) this.shown = r;
    } catch {
      // The dialog shows the message; the data shown stays.
    } finally {
      if (--this.running === 0) this.idle.splice(0).forEach((f) => f());
    }
  }
  reset = (ok = true) => this.userLoad(() => (ok ? this.worker.load(SAMPLE) : Promise.reject(new Error('geo/halls.geojson: HTTP 404'))));
  importFile = (ok = true) => this.userLoad(() => this.worker.import('imported', ok));
  /** What loadStartData does with the outcome. */
  apply(o: StartOutcome<string>): void {
    if (o.shown === 'start') this.shown = o.result;
  }
  steps(linked: Promise<{ texts: LinkedText[]; errors: string[] }>) {
    return {
      sampleFiles: async () => SAMPLE,
      linked: () => linked,
      load: this.worker.load,
      userShown: () => this.shown !== null,
      userIdle: () => new Promise<void>((r) => (this.running ? this.idle.push(r) : r())),
    };
  }
}

const LINKED = { texts: [{ role: 'halls' as const, name: 'halls.csv', text: 'linked halls' }], errors: [] };

function setUp() {
  const worker = new FakeWorker();
  const page = new FakePage(worker);
  const download = gate<typeof LINKED>();
  let outcome: StartOutcome<string> | null = null;
  let outcomes = 0;
  const done = runStartSequence(page.steps(download.promise)).then((o) => {
    outcome = o;
    outcomes++;
    page.apply(o);
  });
  return { worker, page, download, done, outcome: () => outcome, outcomes: () => outcomes };
}

describe('runStartSequence', () => {
  it('shows the linked data when the user does nothing', async () => {
    const { worker, page, download, done, outcome } = setUp();
    download.open(LINKED);
    await tick();
    worker.runNext();
    await done;
    expect(outcome()).toEqual({ shown: 'start', result: 'linked', errors: [], replaced: ['halls'] });
    expect([page.shown, worker.holds]).toEqual(['linked', 'linked']);
  });

  it('does not load linked data that arrives after the reset was shown (the reset wins)', async () => {
    const { worker, page, download, done, outcome } = setUp();
    const reset = page.reset();
    worker.runNext();
    await reset;
    download.open(LINKED);
    await done;
    expect(worker.sent).toEqual(['sample']); // the linked data was never sent
    expect(outcome()).toEqual({ shown: 'user' });
    expect([page.shown, worker.holds]).toEqual(['sample', 'sample']);
  });

  it('does not send linked data that arrives while a reset runs, and ends on the reset', async () => {
    const { worker, page, download, done, outcome } = setUp();
    const reset = page.reset(); // sent, not yet answered
    download.open(LINKED);
    await tick();
    expect(worker.waiting).toBe(1); // only the reset: the linked load waits for it to end
    worker.runNext();
    await reset;
    await done;
    expect(worker.sent).toEqual(['sample']);
    expect(outcome()).toEqual({ shown: 'user' });
    expect([page.shown, worker.holds]).toEqual(['sample', 'sample']);
  });

  it('waits for the reset that replaced the linked load in the queue, then ends on it', async () => {
    const { worker, page, download, done, outcome } = setUp();
    // Something else keeps the worker busy, so both loads wait and the reset replaces ours.
    worker.load(SAMPLE).catch(() => {});
    download.open(LINKED);
    await tick();
    const reset = page.reset();
    await tick();
    expect(outcome()).toBeNull(); // ours answered null: waiting for the reset's data
    worker.runNext();
    worker.runNext();
    await reset;
    await done;
    expect(outcome()).toEqual({ shown: 'user' });
    expect([page.shown, worker.holds]).toEqual(['sample', 'sample']);
  });

  it('sends the linked data again when the reset that replaced it in the queue fails, and shows it', async () => {
    const { worker, page, download, outcome } = setUp();
    worker.load(SAMPLE).catch(() => {}); // keeps the worker busy
    download.open(LINKED);
    await tick();
    const reset = page.reset(); // replaces ours in the queue
    await tick();
    worker.runNext(); // the busy load; the reset runs now
    await tick();
    // The reset's answer is an error (e.g. the worker stopped twice on it): nothing of it is shown.
    (worker as unknown as { queue: Job[] }).queue[0].ok = false;
    worker.runNext();
    await reset;
    await tick();
    expect(worker.sent).toEqual(['sample', 'linked', 'sample', 'linked']);
    worker.runNext();
    await tick();
    expect(outcome()).toEqual({ shown: 'start', result: 'linked', errors: [], replaced: ['halls'] });
    expect([page.shown, worker.holds]).toEqual(['linked', 'linked']);
  });

  it('lets a reset sent after the linked load win by coming last', async () => {
    const { worker, page, download, done, outcome } = setUp();
    download.open(LINKED);
    await tick();
    const reset = page.reset();
    worker.runNext();
    await done;
    expect(outcome()).toMatchObject({ shown: 'start', result: 'linked' });
    worker.runNext();
    await reset;
    expect([page.shown, worker.holds]).toEqual(['sample', 'sample']);
  });

  it('does not send linked data that arrives while an import runs, and ends on the import', async () => {
    const { worker, page, download, done, outcome, outcomes } = setUp();
    const imported = page.importFile();
    download.open(LINKED);
    await tick();
    expect(worker.waiting).toBe(1); // only the import
    worker.runNext();
    await imported;
    await done;
    expect(worker.sent).toEqual(['imported']); // the linked data was never sent, so it cannot land over the import
    expect(outcome()).toEqual({ shown: 'user' });
    expect(outcomes()).toBe(1); // one outcome: the link is applied, and `ready` sent, once
    expect([page.shown, worker.holds]).toEqual(['null+imported', 'null+imported']);
  });

  it('loads the linked data as usual when an import that ran during the download fails', async () => {
    const { worker, page, download, done, outcome } = setUp();
    const imported = page.importFile(false);
    download.open(LINKED);
    await tick();
    expect(worker.sent).toEqual(['imported']); // held back while the import runs
    worker.runNext(); // the bad file: an error, nothing shown
    await imported;
    await tick();
    expect(worker.sent).toEqual(['imported', 'linked']);
    worker.runNext();
    await done;
    expect(outcome()).toEqual({ shown: 'start', result: 'linked', errors: [], replaced: ['halls'] });
    expect([page.shown, worker.holds]).toEqual(['linked', 'linked']);
  });

  it('shows the linked data, then the import over it, when the import starts after the linked load was sent', async () => {
    // The import is answered after our load (it was sent later, and a waiting load goes first), so
    // start-up shows the linked data and applies the link to it; the import's answer then replaces it.
    const { worker, page, download, done, outcome } = setUp();
    download.open(LINKED);
    await tick();
    const imported = page.importFile();
    worker.runNext();
    await done;
    expect(outcome()).toMatchObject({ shown: 'start', result: 'linked' });
    expect(page.shown).toBe('linked');
    worker.runNext();
    await imported;
    expect([page.shown, worker.holds]).toEqual(['linked+imported', 'linked+imported']);
  });

  it('keeps the linked data when an import started after the linked load was sent fails', async () => {
    const { worker, page, download, done } = setUp();
    download.open(LINKED);
    await tick();
    const imported = page.importFile(false);
    worker.runNext();
    await done;
    worker.runNext();
    await imported;
    expect([page.shown, worker.holds]).toEqual(['linked', 'linked']);
  });
});

import { describe, expect, it } from 'vitest';
import { runStartSequence, type StartOutcome } from '../../../../src/ui/share/start-sequence';
import type { LinkedText } from '../../../../src/ui/share/data-urls';
import type { InputFiles } from '../../../../src/worker/messages';

// Issue 7: "Reset to sample" pressed while linked files download. The fakes
// below stand for the worker's load queue (answered in the order sent; a load
// waiting behind a newer one is answered null, as LatestWins does) and for the
// page, which shows each answer as it arrives, like the import dialog does.

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

class FakeWorker {
  holds: string | null = null; // which data the worker's engine was built from
  private queue: { files: InputFiles; answer: (r: string | null) => void }[] = [];
  load = (files: InputFiles): Promise<string | null> =>
    new Promise((answer) => {
      // A load still waiting behind another is replaced by the newer one.
      if (this.queue.length > 1) this.queue.splice(1).forEach((q) => q.answer(null));
      this.queue.push({ files, answer });
    });
  /** Run the oldest waiting load, as the worker does when free. */
  runNext(): void {
    const q = this.queue.shift();
    if (!q) throw new Error('no load waiting');
    this.holds = dataName(q.files);
    q.answer(this.holds);
  }
  get waiting(): number {
    return this.queue.length;
  }
}

class FakePage {
  shown: string | null = null;
  origin: 'sample' | 'own' = 'sample';
  private watchers: (() => void)[] = [];
  constructor(private worker: FakeWorker) {}
  show(result: string, origin: 'sample' | 'own'): void {
    this.shown = result;
    this.origin = origin;
    this.watchers.splice(0).forEach((w) => w());
  }
  /** The import dialog's "Reset to sample": a load of the sample, shown when answered. */
  reset(): Promise<void> {
    return this.worker.load(SAMPLE).then((r) => {
      if (r) this.show(r, 'sample');
    });
  }
  /** What loadStartData does with the outcome. */
  apply(o: StartOutcome<string>): void {
    if (o.shown === 'start') this.show(o.result, o.replaced.length ? 'own' : 'sample');
    else if (o.reloaded) this.show(o.reloaded, 'sample');
  }
  steps(worker: FakeWorker, linked: Promise<{ texts: LinkedText[]; errors: string[] }>) {
    return {
      sampleFiles: async () => SAMPLE,
      linked: () => linked,
      load: worker.load,
      userData: () => (this.shown ? { origin: this.origin } : null),
      userDataShown: () => new Promise<void>((r) => (this.shown ? r() : this.watchers.push(r))),
    };
  }
}

const LINKED = { texts: [{ role: 'halls' as const, name: 'halls.csv', text: 'linked halls' }], errors: [] };

function setUp() {
  const worker = new FakeWorker();
  const page = new FakePage(worker);
  const download = gate<typeof LINKED>();
  let outcome: StartOutcome<string> | null = null;
  const done = runStartSequence(page.steps(worker, download.promise)).then((o) => {
    outcome = o;
    page.apply(o);
  });
  return { worker, page, download, done, outcome: () => outcome };
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
    expect(worker.waiting).toBe(0); // the linked data was never sent
    expect(outcome()).toEqual({ shown: 'user', reloaded: null });
    expect([page.shown, page.origin, worker.holds]).toEqual(['sample', 'sample', 'sample']);
  });

  it('sends the sample again when the reset ran just before the linked load, so page and worker agree', async () => {
    const { worker, page, download, done, outcome } = setUp();
    const reset = page.reset(); // sent, not yet answered
    download.open(LINKED);
    await tick(); // the linked load is sent behind the reset
    expect(worker.waiting).toBe(2);
    worker.runNext(); // the reset: shown
    await reset;
    worker.runNext(); // the linked load: the worker now holds it
    await tick();
    worker.runNext(); // the sample, sent again
    await done;
    expect(outcome()).toEqual({ shown: 'user', reloaded: 'sample' });
    expect([page.shown, page.origin, worker.holds]).toEqual(['sample', 'sample', 'sample']);
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
    expect(outcome()).toEqual({ shown: 'user', reloaded: null });
    expect([page.shown, worker.holds]).toEqual(['sample', 'sample']);
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
    expect([page.shown, page.origin, worker.holds]).toEqual(['sample', 'sample', 'sample']);
  });

  it('shows the linked data when an import was answered just before it (an import cannot be sent again)', async () => {
    const { worker, page, download, done, outcome } = setUp();
    download.open(LINKED);
    await tick();
    page.show('imported', 'own'); // an import answered while ours waited behind it
    worker.runNext();
    await done;
    expect(outcome()).toMatchObject({ shown: 'start', result: 'linked' });
    expect([page.shown, worker.holds]).toEqual(['linked', 'linked']);
  });
});

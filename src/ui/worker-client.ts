// Promise wrapper around the coverage worker. Each request resolves with the
// worker's answer, or with null when a newer request of the same type
// replaced it before it ran (the caller simply ignores nulls). The worker
// answers requests of one type in the order they were sent, so an answer that
// arrives is never older than one already shown: intermediate results of a
// slider drag are displayed as they come.
//
// The worker holds the loaded data; the page holds what it sent to build it.
// If the worker dies (an uncaught error, a message that cannot be read, or
// silence: a worker that ran out of memory or was closed may fire no event at
// all), the client starts a new one, replays the requests that built its data
// (the last load, then each import, which carries its own File handles), sends again
// what was still waiting, and tells the page through `onRestart`. A request
// that was waiting through two deaths is rejected instead of sent a third
// time, so one poisonous input cannot restart the worker forever.
import type { ProgressMessage, RequestType, WorkerApi, WorkerRequest, WorkerResponse } from '../worker/messages';

export class WorkerError extends Error {}

export interface WorkerClientOptions {
  /** How often the client checks on the worker, ms. An idle worker that misses two checks in a row is taken for dead. */
  checkMs?: number;
  /** A worker that is computing may stay silent this long before it is taken for dead, ms (progress messages count as signs of life). */
  busySilenceMs?: number;
  /** Restarts in a row, without one answer in between, before the client gives up. */
  maxRestarts?: number;
  /** Called once a new worker has its data back, before the waiting requests are sent again. */
  onRestart?: (reason: string) => void;
  /** Called when the client gave up: every later request is rejected. */
  onGiveUp?: (reason: string) => void;
}

interface Waiting {
  msg: WorkerRequest;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: (p: ProgressMessage) => void;
  deaths: number; // worker deaths this request was waiting through
  replay: boolean; // sent by the client itself to rebuild a new worker's data
}

// busySilenceMs: building the engine and map layers after parsing a file near
// the import limit (512 MiB, ~4 M points) sends no progress for several seconds,
// tens of seconds on a slow machine.
export const DEFAULTS = { checkMs: 5_000, busySilenceMs: 180_000, maxRestarts: 3 };

export class WorkerClient {
  private worker: Worker;
  private nextId = 1;
  private waiting = new Map<number, Waiting>();
  /** Requests that built the current data, in order, to replay into a new worker. */
  private journal: WorkerRequest[] = [];
  private held: Waiting[] = []; // asked for while a new worker is being rebuilt
  private rebuilding = 0; // generation of the rebuild in progress, 0 when none
  private generation = 0;
  private restartsInRow = 0;
  private gaveUp = '';
  private lastHeard = Date.now();
  private pingSent = 0; // when the pending ping was sent, 0 when none
  private timer: ReturnType<typeof setInterval>;
  private opts: Required<Omit<WorkerClientOptions, 'onRestart' | 'onGiveUp'>> & WorkerClientOptions;

  constructor(
    private spawn: () => Worker,
    options: WorkerClientOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...options };
    this.worker = this.start();
    this.timer = setInterval(() => this.check(), this.opts.checkMs);
  }

  /**
   * Send a request; resolves null if a newer request of the same type replaced it before it ran.
   * `progress` hears how far a long request (load, import) got before its answer.
   */
  request<K extends RequestType>(type: K, payload: WorkerApi[K]['request'], progress?: (p: ProgressMessage) => void): Promise<WorkerApi[K]['response'] | null> {
    return new Promise((resolve, reject) => {
      if (this.gaveUp) return reject(new WorkerError(this.gaveUp));
      const msg = { id: this.nextId++, type, payload } as WorkerRequest;
      const w: Waiting = { msg, resolve: resolve as (v: unknown) => void, reject, progress, deaths: 0, replay: false };
      if (this.rebuilding) this.held.push(w);
      else this.send(w);
    });
  }

  terminate(): void {
    clearInterval(this.timer);
    this.worker.terminate();
  }

  private start(): Worker {
    const worker = this.spawn();
    const generation = ++this.generation;
    const mine = () => generation === this.generation; // events of a replaced worker are ignored
    worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => mine() && this.receive(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault?.(); // handled here: not an uncaught error of the page
      if (mine()) this.died(e.message || 'the coverage worker failed');
    });
    worker.addEventListener('messageerror', () => mine() && this.died('a message from the coverage worker could not be read'));
    this.lastHeard = Date.now();
    this.pingSent = 0;
    return worker;
  }

  private send(w: Waiting): void {
    this.waiting.set(w.msg.id, w);
    this.worker.postMessage(w.msg);
  }

  private receive(msg: WorkerResponse): void {
    this.lastHeard = Date.now();
    const w = this.waiting.get(msg.id);
    if (!w) return;
    if (msg.status === 'progress') return w.progress?.(msg);
    this.waiting.delete(msg.id);
    if (msg.type === 'ping') this.pingSent = 0;
    if (msg.status === 'ok' && !w.replay) {
      this.restartsInRow = 0;
      this.record(w.msg);
    }
    if (msg.status === 'error') w.reject(new WorkerError(msg.message));
    else if (msg.status === 'superseded') w.resolve(null);
    else w.resolve(msg.payload);
  }

  /** Keep what a new worker would need to hold the same data (an import names its files itself, as Blobs). */
  private record(msg: WorkerRequest): void {
    if (msg.type === 'load') this.journal = [msg];
    else if (msg.type === 'import') this.journal.push(msg);
  }

  /** Every checkMs: ping an idle worker; a worker that answers nothing for too long is dead. */
  private check(): void {
    if (this.gaveUp) return;
    const now = Date.now();
    const busy = [...this.waiting.values()].some((w) => w.msg.type !== 'ping');
    if (busy) {
      if (now - this.lastHeard > this.opts.busySilenceMs)
        this.died(`the coverage worker gave no sign of life for ${Math.round(this.opts.busySilenceMs / 1000)} s`);
      return;
    }
    if (this.pingSent && this.lastHeard < this.pingSent && now - this.pingSent >= 2 * this.opts.checkMs - 1) {
      this.died('the coverage worker stopped answering');
      return;
    }
    if (this.pingSent) return;
    this.pingSent = now;
    this.send({ msg: { id: this.nextId++, type: 'ping', payload: null }, resolve: () => {}, reject: () => {}, deaths: 0, replay: true });
  }

  private died(reason: string): void {
    this.worker.terminate();
    const all = [...this.waiting.values()];
    this.waiting.clear();
    // A rebuild that was under way stops here (its replay is rejected); this restart replays again.
    for (const w of all) if (w.replay) w.reject(new WorkerError(reason));
    const waiting = all.filter((w) => !w.replay);
    this.restartsInRow++;
    if (this.restartsInRow > this.opts.maxRestarts) return this.giveUp(reason, waiting);
    const again: Waiting[] = [];
    for (const w of waiting) {
      if (++w.deaths >= 2) w.reject(new WorkerError(`${reason}; it stopped twice while working on this request, so it was not sent again`));
      else again.push(w);
    }
    const pending = [...again, ...this.held];
    this.held = [];
    this.worker = this.start();
    void this.rebuild(reason, pending);
  }

  private async rebuild(reason: string, pending: Waiting[]): Promise<void> {
    const generation = this.generation;
    this.rebuilding = generation;
    this.held = pending;
    try {
      for (const msg of this.journal) {
        await new Promise((resolve, reject) => this.send({ msg: { ...msg, id: this.nextId++ } as WorkerRequest, resolve, reject, deaths: 0, replay: true }));
      }
    } catch (e) {
      // The data that loaded before no longer loads (a picked file changed on disk or cannot be read again).
      if (generation === this.generation)
        this.giveUp(`${reason}; reloading the data into a new worker failed: ${e instanceof Error ? e.message : String(e)}`, this.held);
      return;
    }
    if (generation !== this.generation) return; // died again while rebuilding: that restart carries on
    this.rebuilding = 0;
    this.opts.onRestart?.(reason);
    const held = this.held;
    this.held = [];
    for (const w of held) this.send(w);
  }

  private giveUp(reason: string, waiting: Waiting[]): void {
    clearInterval(this.timer);
    this.worker.terminate();
    this.rebuilding = 0;
    this.gaveUp = `${reason}; the coverage worker was restarted ${this.opts.maxRestarts} times and keeps stopping: reload the page`;
    for (const w of [...waiting, ...this.held, ...this.waiting.values()]) w.reject(new WorkerError(this.gaveUp));
    this.held = [];
    this.waiting.clear();
    this.opts.onGiveUp?.(this.gaveUp);
  }
}

// Promise wrapper around the coverage worker. Each request resolves with the
// worker's answer, or with null when a newer request of the same type
// replaced it before it ran (the caller simply ignores nulls). The worker
// answers requests of one type in the order they were sent, so an answer that
// arrives is never older than one already shown: intermediate results of a
// slider drag are displayed as they come.
import type { ProgressMessage, RequestType, WorkerApi, WorkerRequest, WorkerResponse } from '../worker/messages';

export class WorkerError extends Error {}

export class WorkerClient {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: ProgressMessage) => void }>();

  constructor(private worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      const err = new WorkerError(e.message || 'the coverage worker failed to start');
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  /**
   * Send a request; resolves null if a newer request of the same type replaced it before it ran.
   * `progress` hears how far a long request (load, import) got before its answer.
   */
  request<K extends RequestType>(type: K, payload: WorkerApi[K]['request'], progress?: (p: ProgressMessage) => void): Promise<WorkerApi[K]['response'] | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.worker.postMessage({ id, type, payload } as WorkerRequest);
    });
  }

  private receive(msg: WorkerResponse): void {
    const w = this.waiting.get(msg.id);
    if (!w) return;
    if (msg.status === 'progress') return w.progress?.(msg);
    this.waiting.delete(msg.id);
    if (msg.status === 'error') w.reject(new WorkerError(msg.message));
    else if (msg.status === 'superseded') w.resolve(null);
    else w.resolve(msg.payload);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

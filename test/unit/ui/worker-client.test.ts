import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerClient, WorkerError, type WorkerClientOptions } from '../../../src/ui/worker-client';
import type { InputFiles, WorkerRequest, WorkerResponse } from '../../../src/worker/messages';

// A stand-in for a Worker: records what the page posts and lets the test answer.
class FakeWorker {
  sent: WorkerRequest[] = [];
  terminated = false;
  private listeners = new Map<string, ((e: unknown) => void)[]>();
  addEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  postMessage(msg: WorkerRequest) {
    this.sent.push(msg);
  }
  reply(msg: WorkerResponse) {
    for (const fn of this.listeners.get('message') ?? []) fn({ data: msg });
  }
  /** Answer the request at `index` of `sent` with an empty 'ok' (payloads are not looked at by the client). */
  ok(index: number) {
    const m = this.sent[index];
    this.reply({ id: m.id, type: m.type, status: 'ok', payload: { of: m.type } } as unknown as WorkerResponse);
  }
  fail(message: string) {
    for (const fn of this.listeners.get('error') ?? []) fn({ message, preventDefault() {} });
  }
  terminate() {
    this.terminated = true;
  }
}

/** A client on fake workers; `workers` lists every worker it started, newest last. */
function setup(options: WorkerClientOptions = {}) {
  const workers: FakeWorker[] = [];
  const restarts: string[] = [];
  const gaveUp: string[] = [];
  const client = new WorkerClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    { onRestart: (r) => restarts.push(r), onGiveUp: (r) => gaveUp.push(r), ...options },
  );
  return { client, workers, restarts, gaveUp, last: () => workers[workers.length - 1] };
}

const req = { radiusM: 500, services: ['petition'] };
const files: InputFiles = {
  halls: { file: 'halls.geojson', text: '{}' },
  population: { file: 'population.geojson', text: '{}' },
  areas: { file: 'areas.geojson', text: '{}' },
};
const types = (w: FakeWorker) => w.sent.map((m) => m.type);
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('WorkerClient answers', () => {
  it('resolves each request with the answer carrying its id', async () => {
    const { client, last } = setup();
    const a = client.request('circles', req);
    const b = client.request('circles', { ...req, radiusM: 600 });
    const [first, second] = last().sent;
    last().reply({ id: second.id, type: 'circles', status: 'ok', payload: { ...req, radiusM: 600, circles: { type: 'FeatureCollection', features: [] } } });
    last().reply({ id: first.id, type: 'circles', status: 'superseded' });
    expect((await b)?.radiusM).toBe(600);
    expect(await a).toBeNull();
    client.terminate();
  });
  it('rejects with the worker message when the request failed', async () => {
    const { client, last } = setup();
    const p = client.request('compute', req);
    last().reply({ id: last().sent[0].id, type: 'compute', status: 'error', message: 'halls.geojson: feature 3, field "services": not a list' });
    await expect(p).rejects.toThrow(/^halls\.geojson: feature 3/);
    await expect(p).rejects.toBeInstanceOf(WorkerError);
    client.terminate();
  });
  it('hands progress messages to the request that asked for them, then resolves with the answer', async () => {
    const { client, last } = setup();
    const seen: number[] = [];
    const p = client.request('circles', req, (m) => seen.push(m.done));
    const id = last().sent[0].id;
    last().reply({ id, type: 'circles', status: 'progress', stage: 'population', done: 0.4 });
    last().reply({ id, type: 'circles', status: 'progress', stage: 'engine', done: 1 });
    last().reply({ id, type: 'circles', status: 'ok', payload: { ...req, circles: { type: 'FeatureCollection', features: [] } } });
    expect((await p)?.radiusM).toBe(500);
    expect(seen).toEqual([0.4, 1]);
    client.terminate();
  });
});

describe('WorkerClient restarts a dead worker', () => {
  it('starts a new worker, replays the last load, then sends the waiting request again and resolves it', async () => {
    const { client, workers, restarts, last } = setup();
    const load = client.request('load', files);
    workers[0].ok(0);
    await load;
    const compute = client.request('compute', req);
    workers[0].fail('boom');
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    // The waiting compute is held until the data is back.
    expect(types(last())).toEqual(['load']);
    expect((last().sent[0] as { payload: unknown }).payload).toEqual(files);
    last().ok(0);
    await flush();
    expect(restarts).toEqual(['boom']);
    expect(types(last())).toEqual(['load', 'compute']);
    last().ok(1);
    expect(await compute).toEqual({ of: 'compute' });
    client.terminate();
  });

  it('replays a load, then each import, one at a time and in order; inspections are not replayed', async () => {
    const { client, workers, last } = setup();
    const blob = (t: string) => new Blob([t]);
    const steps: [string, unknown][] = [
      ['load', files],
      ['inspect', { file: 'a.geojson', blob: blob('a') }],
      ['import', { population: { file: 'a.geojson', blob: blob('a'), crs: 'wgs84' } }],
      ['inspect', { file: 'c.geojson', blob: blob('c') }],
      ['import', { areas: { file: 'c.geojson', blob: blob('c'), crs: 'wgs84' } }],
      ['inspect', { file: 'never-imported.geojson', blob: blob('n') }],
    ];
    for (const [i, [type, payload]] of steps.entries()) {
      const p = client.request(type as 'load', payload as InputFiles);
      workers[0].ok(i);
      await p;
    }
    workers[0].fail('boom');
    const replayed = [steps[0], steps[2], steps[4]];
    // Only the first replayed request is out; each next one waits for the answer before.
    for (let i = 0; i < replayed.length; i++) {
      expect(last().sent).toHaveLength(i + 1);
      last().ok(i);
      await flush();
    }
    expect(last().sent.map((m) => [m.type, (m as { payload: unknown }).payload])).toEqual(replayed);
    client.terminate();
  });

  it('does not replay a load or import that failed or was superseded', async () => {
    const { client, workers, last } = setup();
    const good = client.request('load', files);
    workers[0].ok(0);
    await good;
    const bad = client.request('load', { ...files, halls: { file: 'bad.geojson', text: '[' } });
    workers[0].reply({ id: workers[0].sent[1].id, type: 'load', status: 'error', message: 'bad.geojson: invalid JSON' });
    await expect(bad).rejects.toThrow('bad.geojson');
    workers[0].fail('boom');
    expect((last().sent[0] as { payload: InputFiles }).payload.halls.file).toBe('halls.geojson');
    client.terminate();
  });

  it('rejects a request that was waiting through two deaths and keeps serving the others', async () => {
    const { client, workers, last } = setup();
    const load = client.request('load', files);
    workers[0].ok(0);
    await load;
    const poison = client.request('suggest', { radiusM: 500, service: 'petition', count: 3, areaIndex: null, proposed: [], candidates: null });
    workers[0].fail('out of memory');
    last().ok(0); // replayed load
    await flush();
    expect(types(last())).toEqual(['load', 'suggest']);
    last().fail('out of memory');
    await expect(poison).rejects.toThrow(/out of memory; it stopped twice while working on this request/);
    last().ok(0);
    await flush();
    const compute = client.request('compute', req);
    expect(types(last())).toEqual(['load', 'compute']);
    last().ok(1);
    expect(await compute).toEqual({ of: 'compute' });
    client.terminate();
  });

  it('ignores messages from a worker it replaced', async () => {
    const { client, workers, last } = setup();
    const compute = client.request('compute', req);
    const old = workers[0];
    old.fail('boom');
    await flush();
    old.reply({ id: old.sent[0].id, type: 'compute', status: 'error', message: 'late answer from the dead worker' });
    expect(types(last())).toEqual(['compute']);
    last().ok(0);
    expect(await compute).toEqual({ of: 'compute' });
    client.terminate();
  });

  it('gives up after maxRestarts deaths without an answer in between, and rejects what comes later', async () => {
    const { client, workers, gaveUp } = setup({ maxRestarts: 2 });
    const load = client.request('load', files);
    workers[0].fail('script error');
    workers[1].fail('script error');
    workers[2].fail('script error');
    await expect(load).rejects.toThrow(/script error/);
    expect(workers).toHaveLength(3);
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).toMatch(/restarted 2 times and keeps stopping: reload the page/);
    await expect(client.request('compute', req)).rejects.toThrow(/reload the page/);
    client.terminate();
  });

  it('gives up when the data no longer loads into the new worker', async () => {
    const { client, workers, gaveUp, last } = setup();
    const load = client.request('load', files);
    workers[0].ok(0);
    await load;
    const compute = client.request('compute', req);
    workers[0].fail('boom');
    last().reply({ id: last().sent[0].id, type: 'load', status: 'error', message: 'halls.geojson: pick the file again' });
    await expect(compute).rejects.toThrow(/reloading the data into a new worker failed: halls\.geojson: pick the file again/);
    expect(gaveUp).toHaveLength(1);
    client.terminate();
  });
});

describe('WorkerClient notices a silent worker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings an idle worker and restarts it when two checks pass without an answer', async () => {
    const { client, workers, restarts } = setup({ checkMs: 1000 });
    const load = client.request('load', files);
    workers[0].ok(0);
    await load;
    vi.advanceTimersByTime(1000);
    expect(types(workers[0])).toEqual(['load', 'ping']);
    workers[0].ok(1); // answered: alive
    for (let t = 0; t < 5; t++) {
      vi.advanceTimersByTime(1000);
      workers[0].ok(workers[0].sent.length - 1); // each ping answered
    }
    expect(workers).toHaveLength(1);
    expect(types(workers[0])).toEqual(['load', 'ping', 'ping', 'ping', 'ping', 'ping', 'ping']);
    // Now it stops answering (closed, or killed without an event).
    const pings = types(workers[0]).length;
    vi.advanceTimersByTime(3000);
    expect(workers).toHaveLength(2);
    expect(types(workers[0]).length).toBe(pings + 1); // one unanswered ping, then given up on
    expect(types(workers[1])).toEqual(['load']);
    workers[1].ok(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toEqual(['the coverage worker stopped answering']);
    client.terminate();
  });

  it('lets a busy worker that reports progress run past many checks, and restarts one silent for busySilenceMs', async () => {
    const { client, workers } = setup({ checkMs: 1000, busySilenceMs: 10_000 });
    const load = client.request('load', files, () => {});
    const id = workers[0].sent[0].id;
    for (let t = 0; t < 30; t++) {
      vi.advanceTimersByTime(1000);
      workers[0].reply({ id, type: 'load', status: 'progress', stage: 'population', done: t / 30 });
    }
    expect(workers).toHaveLength(1);
    expect(types(workers[0])).toEqual(['load']); // no pings while busy
    vi.advanceTimersByTime(11_000);
    expect(workers).toHaveLength(2);
    expect(types(workers[1])).toEqual(['load']); // the waiting load itself, sent again
    workers[1].ok(0);
    expect(await load).toEqual({ of: 'load' });
    client.terminate();
  });
});

import { describe, expect, it } from 'vitest';
import { WorkerClient, WorkerError } from '../../../src/ui/worker-client';
import type { WorkerRequest, WorkerResponse } from '../../../src/worker/messages';

// A stand-in for a Worker: records what the page posts and lets the test answer.
class FakeWorker {
  sent: WorkerRequest[] = [];
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
  fail(message: string) {
    for (const fn of this.listeners.get('error') ?? []) fn({ message });
  }
  terminate() {}
}

const req = { radiusM: 500, services: ['petition'] };

describe('WorkerClient', () => {
  it('resolves each request with the answer carrying its id', async () => {
    const w = new FakeWorker();
    const c = new WorkerClient(w as unknown as Worker);
    const a = c.request('circles', req);
    const b = c.request('circles', { ...req, radiusM: 600 });
    const [first, second] = w.sent;
    w.reply({ id: second.id, type: 'circles', status: 'ok', payload: { ...req, radiusM: 600, circles: { type: 'FeatureCollection', features: [] } } });
    w.reply({ id: first.id, type: 'circles', status: 'superseded' });
    expect((await b)?.radiusM).toBe(600);
    expect(await a).toBeNull();
  });
  it('rejects with the worker message when the request failed', async () => {
    const w = new FakeWorker();
    const c = new WorkerClient(w as unknown as Worker);
    const p = c.request('compute', req);
    w.reply({ id: w.sent[0].id, type: 'compute', status: 'error', message: 'halls.geojson: feature 3, field "services": not a list' });
    await expect(p).rejects.toThrow(/^halls\.geojson: feature 3/);
    await expect(p).rejects.toBeInstanceOf(WorkerError);
  });
  it('hands progress messages to the request that asked for them, then resolves with the answer', async () => {
    const w = new FakeWorker();
    const c = new WorkerClient(w as unknown as Worker);
    const seen: number[] = [];
    const p = c.request('circles', req, (m) => seen.push(m.done));
    const id = w.sent[0].id;
    w.reply({ id, type: 'circles', status: 'progress', stage: 'population', done: 0.4 });
    w.reply({ id, type: 'circles', status: 'progress', stage: 'engine', done: 1 });
    w.reply({ id, type: 'circles', status: 'ok', payload: { ...req, circles: { type: 'FeatureCollection', features: [] } } });
    expect((await p)?.radiusM).toBe(500);
    expect(seen).toEqual([0.4, 1]);
  });
  it('rejects every waiting request when the worker itself fails', async () => {
    const w = new FakeWorker();
    const c = new WorkerClient(w as unknown as Worker);
    const p = c.request('compute', req);
    const q = c.request('circles', req);
    w.fail('script error');
    await expect(p).rejects.toThrow('script error');
    await expect(q).rejects.toThrow('script error');
  });
});

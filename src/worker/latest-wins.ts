// A queue that keeps only the newest waiting request of each type. While the
// worker computes, a dragged slider can send dozens of requests; when it is
// free again only the last one of each type is worth computing, and the
// others are answered 'superseded' at once so no caller waits forever.

export interface Queued<T extends string> {
  id: number;
  type: T;
}

export class LatestWins<T extends string, R extends Queued<T>> {
  private pending = new Map<T, R>();
  private scheduled = false;

  /**
   * @param order   types in the order they are served when several wait (earlier first)
   * @param run     computes one request (synchronously)
   * @param dropped called for a request replaced by a newer one of its type
   * @param defer   schedules the next run as a macrotask, after messages already queued
   */
  constructor(
    private order: readonly T[],
    private run: (req: R) => void,
    private dropped: (req: R) => void,
    private defer: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
  ) {}

  push(req: R): void {
    const older = this.pending.get(req.type);
    if (older) this.dropped(older);
    this.pending.set(req.type, req);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => this.next());
  }

  private next(): void {
    this.scheduled = false;
    const type = this.order.find((t) => this.pending.has(t));
    if (type === undefined) return;
    const req = this.pending.get(type) as R;
    this.pending.delete(type);
    try {
      this.run(req);
    } finally {
      if (this.pending.size) this.schedule();
    }
  }
}

// Code the worker fetches on the first request that needs it (dynamic
// import()), so the first page load does not carry it. A failed fetch is
// forgotten, so the next request tries again.

export class OnFirstUse<T> {
  private loaded: T | null = null;
  private loading: Promise<T> | null = null;

  constructor(private readonly fetchCode: () => Promise<T>) {}

  /** The code, once loaded; null before. */
  get value(): T | null {
    return this.loaded;
  }

  /** Loads the code once; concurrent callers share the fetch, and a failure lets the next call fetch again. */
  load(): Promise<T> {
    this.loading ??= this.fetchCode().then(
      (m) => (this.loaded = m),
      (e: unknown) => {
        this.loading = null;
        throw e;
      },
    );
    return this.loading;
  }
}

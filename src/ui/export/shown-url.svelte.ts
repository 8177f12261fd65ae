// An object URL the page shows (a map image made at print resolution): each
// new one replaces the last, which is revoked then, and the last is revoked
// when the component that made it goes, so no image's bytes outlive their use.
import { untrack } from 'svelte';
import { canvasUrl } from './map-png';

export class ShownUrl {
  #url = $state('');

  /** Create during a component's set-up: its destruction revokes the URL shown then. */
  constructor() {
    $effect(() => () => {
      const url = untrack(() => this.#url);
      if (url) URL.revokeObjectURL(url);
    });
  }

  /** The URL shown; '' when none. */
  get url(): string {
    return this.#url;
  }

  /** Show `url` ('' for none) instead of the URL shown, which is revoked. Read untracked, so an effect that sets it does not depend on it. */
  set(url: string): void {
    const old = untrack(() => this.#url);
    this.#url = url;
    if (old && old !== url) URL.revokeObjectURL(old);
  }

  /**
   * Show the URL `made` gives (null: none made), unless `live()` has turned
   * false meanwhile (then it is revoked at once). True when it is shown; a
   * failure of `made` rejects.
   */
  async show(made: Promise<string | null>, live: () => boolean): Promise<boolean> {
    const url = await made;
    if (!url) return false;
    if (!live()) {
      URL.revokeObjectURL(url);
      return false;
    }
    this.set(url);
    return true;
  }

  /** `show` for a drawn canvas (null: not drawn), as a PNG decoded before it is shown. */
  showCanvas(drawn: Promise<HTMLCanvasElement | null>, live: () => boolean): Promise<boolean> {
    return this.show(
      drawn.then((canvas) => (canvas ? canvasUrl(canvas) : null)),
      live,
    );
  }
}

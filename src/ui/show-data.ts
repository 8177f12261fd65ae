// Showing newly loaded data: the one place that swaps the data the app shows
// (an import, Reset to sample, a project file, the return to the sample).
import { app } from './state.svelte';
import type { LoadResult } from '../worker/messages';

export function showData(r: LoadResult, origin: 'sample' | 'own'): void {
  app.selectArea(null, false);
  app.loaded = r;
  app.levelOpen = {};
  app.mapLevel = 0;
  app.dataOrigin = origin;
  app.loadError = ''; // a start-up failure no longer describes what is shown
  if (app.extent) app.focus = { bbox: app.extent };
}

// Shared rune state of the app: what the user chose and what the worker
// answered. Components read it and call the small setters; effects in
// App.svelte turn changes into worker requests and map updates.
import { KNOWN_SERVICES, type DistanceMode, type GapCollection } from '../core/types';
import type { LayerGroup } from '../map/style';
import { RADIUS_DEFAULT, clampRadius, servicesFor, type ServiceChoice } from './choices';
import type { AreaInfo, CirclesResult, ComputeResult, LoadResult, LevelLayers } from '../worker/messages';
import type { Lang } from './i18n';

const LANG_KEY = 'service-circles.lang';

function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage blocked (private mode, sandboxed iframe)
  }
}

/** Where the map should move next: an area's bounds or a point (a new object each time, so repeats still move). */
export type Focus =
  | { bbox: [number, number, number, number] }
  | { center: [number, number]; zoom: number; hall?: number } // hall: also open its popup (index into LoadResult.halls)
  | { view: { center: [number, number]; zoom: number } }; // exact view of a shared link (src/ui/share)

class AppState {
  choice = $state<ServiceChoice>('petition'); // the halls' core service; every hall and station offers it
  radiusM = $state(RADIUS_DEFAULT);
  /** The distance the user picked; walking only counts while roads are loaded (see `mode`). */
  distance = $state<DistanceMode>('straight');
  /** People each hall can serve, typed to explore when the data has no capacities; null: coverage only. */
  capacity = $state<number | null>(null);
  /** Coverage target, a fraction 0–1, once the target control is open (default 1 = 100 %); null: no target. */
  target = $state<number | null>(null);
  lang = $state<Lang>(storedLang());
  layers = $state<Record<LayerGroup, boolean>>({ areas: true, population: true, halls: true, circles: true, gaps: true, basemap: false });
  selectedArea = $state<number | null>(null);
  /** The data the worker has loaded (the sample or own files); null until the first load. */
  loaded = $state.raw<LoadResult | null>(null);
  /** Whether the loaded data is the embedded (partly modelled) sample or holds files of the user's own. */
  dataOrigin = $state<'sample' | 'own'>('sample');
  result = $state.raw<ComputeResult | null>(null);
  circles = $state.raw<CirclesResult | null>(null);
  busy = $state(false);
  loadError = $state('');
  computeError = $state('');
  /** Times the coverage worker died and was restarted; effects that ask the worker re-run when it changes. */
  workerRestarts = $state(0);
  /** What to tell the user about the worker: nothing, that it was restarted, or why it was given up. */
  workerNotice = $state<{ kind: 'restarted' } | { kind: 'gave-up'; reason: string } | null>(null);
  view = $state<{ center: [number, number]; zoom: number }>({ center: [0, 0], zoom: 0 });
  /** Services of the current choice that the data actually has, sorted. */
  services = $derived(servicesFor(this.choice, this.loaded?.services ?? [...KNOWN_SERVICES]));
  /** The distance the numbers and the map use: walking only with roads loaded. */
  mode = $derived<DistanceMode>(this.loaded?.roads && this.distance === 'network' ? 'network' : 'straight');

  /** The typed capacity as the worker requests carry it: only when the halls have none of their own. */
  typedCapacity = $derived(this.loaded && !this.loaded.hasCapacity && this.capacity !== null ? this.capacity : undefined);

  /** The area levels' page code (src/ui/levels), once fetched: only data with further levels needs it. */
  levelUi = $state.raw<typeof import('./levels/levels-ui') | null>(null);
  /** First-level rows opened to their finer areas (the first further level), by area name. */
  levelOpen = $state<Record<string, boolean>>({});
  /** 0: the map outlines the first level; k: the k-th further level. */
  mapLevel = $state(0);
  /** Outlines and labels the map draws instead of the first level's (a further level), or null. */
  mapAreas = $state.raw<(Pick<LevelLayers, 'areaShapes' | 'areaLabels'> & { areas: AreaInfo[] }) | null>(null);

  focus = $state.raw<Focus | null>(null);
  /** The gap zone picked in the largest-gaps list or on the map, outlined there; cleared by new numbers. */
  selectedGap = $state.raw<GapCollection['features'][number] | null>(null);

  /** Bounds of all areas, [west, south, east, north] degrees. */
  get extent(): [number, number, number, number] | null {
    const b = this.loaded?.areas.map((a) => a.bbox) ?? [];
    if (!b.length) return null;
    return [Math.min(...b.map((x) => x[0])), Math.min(...b.map((x) => x[1])), Math.max(...b.map((x) => x[2])), Math.max(...b.map((x) => x[3]))];
  }

  /** Select an area (null = none); with `zoom`, also move the map to it (or to the whole district). */
  selectArea(index: number | null, zoom: boolean): void {
    this.selectedArea = index;
    const areas = this.loaded?.areas ?? [];
    if (!zoom) return;
    if (index !== null && areas[index]) this.focus = { bbox: areas[index].bbox };
    else if (index === null && this.extent) this.focus = { bbox: this.extent };
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // not remembered; the switch still works for this page
    }
  }

  setRadius(v: number): void {
    this.radiusM = clampRadius(v);
  }
}

export const app = new AppState();

export { ALL_KEY, LAYER_ORDER, RADIUS_MAX, RADIUS_MIN, SERVICE_CHOICES, gapKey } from './choices';

// Rune state of the planning tools: the scenarios (方案) of proposed halls,
// the what-if numbers the worker answered for the active one, the last
// suggestion and the output CRS. `proposed` holds the active scenario's halls,
// so every tool works on that one; the others wait in `scenarios`.
// PlanningPanel turns changes into worker requests; the map layer reads it.
import { KNOWN_SERVICES } from '../../core/types';
import type { CompareLayer } from '../../map/compare-layer';
import type { PlannedGapsResult, PlanResult, ProposedHall, SuggestResult } from '../../worker/messages';

import type { SavedHall } from '../../core/planning/plan-types';
import { PROPOSED_MAX } from '../../core/limits';

/** A named set of proposed halls. `key` is stable in a session; the active one's halls live in `planning.proposed`. */
export interface Scenario {
  key: number;
  name: string;
  halls: ProposedHall[];
}

/** The default name of the n-th scenario; the eager bundle needs it for the first one. */
export const scenarioName = (lang: 'zh' | 'en', n: number): string => (lang === 'zh' ? `方案 ${n}` : `Scenario ${n}`);

class PlanningState {
  /** Clicks on the map add proposed halls. */
  adding = $state(false);
  /** Services a newly placed hall offers. */
  newServices = $state<string[]>([...KNOWN_SERVICES]);
  proposed = $state<ProposedHall[]>([]);
  /** Every scenario, the active one included (its `halls` are stale: `proposed` holds them). */
  scenarios = $state<Scenario[]>([{ key: 1, name: scenarioName('zh', 1), halls: [] }]);
  /** Key of the active scenario; null for today (现状), which holds no proposed halls. */
  active = $state<number | null>(1);
  /** The next scenario's key (keys are never reused in a session). */
  nextKey = 2;
  plan = $state.raw<PlanResult | null>(null);
  /** Gap zones with the proposed halls in place, hatched on the map while halls are proposed. */
  mapGaps = $state.raw<PlannedGapsResult | null>(null);
  suggestion = $state.raw<SuggestResult | null>(null);
  /** The map (a CoverageMap), for tools that draw on it once loaded: the scenario comparison. */
  map = $state.raw<{ addCompareLayer(ready: (layer: CompareLayer) => void, failed: (e: unknown) => void): void } | null>(null);
  /** Rank of the suggested site last shown on the map (drawn larger there), null for none. */
  shownSite = $state<number | null>(null);
  /** Ranks of the current suggestion already kept as proposed halls. */
  kept = $state<number[]>([]);
  outputCrs = $state<'wgs84' | 'gcj02'>('wgs84');
  error = $state('');
  /** The proposed halls as last exported to a file (the link in the hash is not a file a planner keeps). */
  private savedKey = $state(savedKeyOf([]));
  /** Proposed halls exist that were never exported as they are now: leaving the page asks first. */
  unsaved = $derived(this.proposed.length > 0 && savedKeyOf(this.proposed) !== this.savedKey);
  private nextId = 1;

  /**
   * These proposed halls were written to a file (default: the current ones).
   * An export passes the halls it sent: ones moved while it ran stay unsaved.
   */
  markSaved(halls: readonly ProposedHall[] = this.proposed): void {
    this.savedKey = savedKeyOf(halls);
  }

  /**
   * Add a proposed hall. Without a name (e.g. not from a candidate file) it is shown as
   * "拟建服务点 <id>" in the current language; a function names it once from its id.
   */
  add(lng: number, lat: number, services: string[], name: string | ((id: number) => string) = ''): ProposedHall | null {
    return this.addAll([{ lng, lat, services, name: '' }], name)[0] ?? null;
  }

  /**
   * Add many at once (one list update, so thousands stay fast), up to
   * PROPOSED_MAX in all; `fallback` names those without a name. Returns the added.
   */
  addAll(halls: readonly SavedHall[], fallback: string | ((id: number) => string) = ''): ProposedHall[] {
    if (this.active === null) return []; // today is what exists
    const added = this.withIds(halls.slice(0, Math.max(0, PROPOSED_MAX - this.proposed.length)), fallback);
    if (added.length) this.proposed = [...this.proposed, ...added];
    return added;
  }

  /** Halls with fresh ids (never reused, so the worker's sync by id holds across scenarios); other fields kept. */
  withIds(halls: readonly SavedHall[], fallback: string | ((id: number) => string) = ''): ProposedHall[] {
    return halls.map((h) => {
      const id = this.nextId++;
      const name = h.name || (typeof fallback === 'function' ? fallback(id) : fallback);
      return { ...h, id, lng: h.lng, lat: h.lat, services: [...h.services].sort(), name };
    });
  }

  /** No more proposed halls can be added (or today is active, which holds none). */
  get full(): boolean {
    return this.active === null || this.proposed.length >= PROPOSED_MAX;
  }

  /** The halls of a scenario (null: today, none). */
  hallsOf(key: number | null): ProposedHall[] {
    if (key === null) return [];
    if (key === this.active) return this.proposed;
    return this.scenarios.find((s) => s.key === key)?.halls ?? [];
  }

  /** The active scenario, or null for today. */
  get activeScenario(): Scenario | null {
    return this.scenarios.find((s) => s.key === this.active) ?? null;
  }

  /** Make a scenario (or today, null) the one the tools work on. */
  activate(key: number | null): void {
    if (key === this.active || (key !== null && !this.scenarios.some((s) => s.key === key))) return;
    this.stash();
    const halls = this.scenarios.find((s) => s.key === key)?.halls ?? [];
    this.active = key;
    this.proposed = halls;
    if (key === null) this.adding = false;
    this.plan = null;
    this.mapGaps = null;
  }

  // Copy the live halls into the active scenario's entry (before it stops being active).
  private stash(): void {
    const key = this.active;
    if (key === null) return;
    const halls = this.proposed;
    if (this.scenarios.find((s) => s.key === key)?.halls === halls) return;
    this.scenarios = this.scenarios.map((s) => (s.key === key ? { ...s, halls } : s));
  }

  move(id: number, lng: number, lat: number): void {
    this.proposed = this.proposed.map((h) => (h.id === id ? { ...h, lng, lat } : h));
  }

  setServices(id: number, services: string[]): void {
    this.proposed = this.proposed.map((h) => (h.id === id ? { ...h, services: [...services].sort() } : h));
  }

  /** People a proposed hall can serve per service; null: unlimited. */
  setCapacity(id: number, capacity: number | null): void {
    this.proposed = this.proposed.map((h) => (h.id === id ? { ...h, capacity } : h));
  }

  remove(id: number): void {
    this.proposed = this.proposed.filter((h) => h.id !== id);
  }

  /**
   * Other data was loaded: the proposed halls stay (they are places, and their
   * numbers are recomputed on the new data; dropping them would lose work),
   * while the suggestion and the numbers of the old data go.
   */
  dataChanged(): void {
    this.plan = null;
    this.mapGaps = null;
    this.suggestion = null;
    this.shownSite = null;
    this.kept = [];
    this.error = '';
  }

  /** Forget everything planned: one empty scenario, active. */
  reset(name: string = scenarioName('zh', 1)): void {
    this.scenarios = [{ key: this.nextKey, name, halls: [] }];
    this.active = this.nextKey++;
    this.proposed = [];
    this.plan = null;
    this.mapGaps = null;
    this.suggestion = null;
    this.shownSite = null;
    this.kept = [];
    this.adding = false;
    this.error = '';
  }
}

function savedKeyOf(halls: readonly ProposedHall[]): string {
  return JSON.stringify(halls.map((h) => [h.lng, h.lat, h.services, h.name]));
}

export const planning = new PlanningState();

/** The name shown and exported for a proposed hall: its own, else "拟建服务点 3" / "Proposed hall 3". */
export function proposedLabel(h: ProposedHall, proposedName: (n: number) => string): string {
  return h.name || proposedName(h.id);
}

// Rune state of the planning tools: the proposed halls, the what-if numbers
// the worker answered for them, the last suggestion and the output CRS.
// PlanningPanel turns changes into worker requests; the map layer reads it.
import { KNOWN_SERVICES } from '../../core/types';
import type { PlannedGapsResult, PlanResult, ProposedHall, SuggestResult } from '../../worker/messages';

import type { SavedHall } from '../../core/planning/plan-types';
import { PROPOSED_MAX } from '../../core/limits';

class PlanningState {
  /** Clicks on the map add proposed halls. */
  adding = $state(false);
  /** Services a newly placed hall offers. */
  newServices = $state<string[]>([...KNOWN_SERVICES]);
  proposed = $state<ProposedHall[]>([]);
  plan = $state.raw<PlanResult | null>(null);
  /** Gap zones with the proposed halls in place, hatched on the map while halls are proposed. */
  mapGaps = $state.raw<PlannedGapsResult | null>(null);
  suggestion = $state.raw<SuggestResult | null>(null);
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
    const added = halls.slice(0, Math.max(0, PROPOSED_MAX - this.proposed.length)).map((h) => {
      const id = this.nextId++;
      const name = h.name || (typeof fallback === 'function' ? fallback(id) : fallback);
      return { id, lng: h.lng, lat: h.lat, services: [...h.services].sort(), name };
    });
    if (added.length) this.proposed = [...this.proposed, ...added];
    return added;
  }

  /** No more proposed halls can be added. */
  get full(): boolean {
    return this.proposed.length >= PROPOSED_MAX;
  }

  move(id: number, lng: number, lat: number): void {
    this.proposed = this.proposed.map((h) => (h.id === id ? { ...h, lng, lat } : h));
  }

  setServices(id: number, services: string[]): void {
    this.proposed = this.proposed.map((h) => (h.id === id ? { ...h, services: [...services].sort() } : h));
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

  /** Forget everything planned. */
  reset(): void {
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

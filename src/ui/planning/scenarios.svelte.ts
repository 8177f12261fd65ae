// Editing the scenarios (方案) of the planning state: create, duplicate,
// rename, delete, and the whole set as kept or opened. Loaded with the planning
// tool, or at start-up only when a browser keeps scenarios or a link names one;
// the first load carries only the active scenario's halls (planning.svelte.ts).
import { planning, scenarioName, type Scenario } from './planning.svelte';
import { STRINGS, type Lang } from '../i18n';
import { PROPOSED_MAX } from '../../core/limits';
import type { SavedHall } from '../../core/planning/plan-types';
import { loadScenarios, saveScenarios, SCENARIOS_MAX, storedHall, type ScenarioSet } from './scenario-store';

/** A new scenario (empty, or holding copies of `halls`), made active; null when the name is taken or SCENARIOS_MAX are there. */
export function createScenario(name: string, halls: readonly SavedHall[] = []): Scenario | null {
  if (planning.scenarios.some((s) => s.name === name) || planning.scenarios.length >= SCENARIOS_MAX) return null;
  const s: Scenario = { key: planning.nextKey++, name, halls: planning.withIds(halls) };
  planning.scenarios = [...planning.scenarios, s];
  planning.activate(s.key);
  return s;
}

/** A copy of a scenario's halls (other fields kept, fresh ids) under a new name, made active. */
export function duplicateScenario(key: number, name: string): Scenario | null {
  return createScenario(name, planning.hallsOf(key).map(storedHall));
}

/** Rename; false when another scenario has that name. */
export function renameScenario(key: number, name: string): boolean {
  if (planning.scenarios.some((s) => s.name === name && s.key !== key)) return false;
  planning.scenarios = planning.scenarios.map((s) => (s.key === key ? { ...s, name } : s));
  return true;
}

/** Delete a scenario; deleting the active one makes today active. */
export function deleteScenario(key: number): void {
  if (key === planning.active) planning.activate(null);
  planning.scenarios = planning.scenarios.filter((s) => s.key !== key);
}

/** The scenario named so, or null. */
export function namedScenario(name: string): Scenario | null {
  return planning.scenarios.find((s) => s.name === name) ?? null;
}

/** Make the scenario of this name active (null: today), creating it, empty, when there is none. */
export function activateNamed(name: string | null): void {
  if (name === null) return planning.activate(null);
  const s = namedScenario(name);
  if (s) planning.activate(s.key);
  else createScenario(name);
}

/** The scenarios as kept in storage and project files (the active one's live halls included). */
export function scenarioSnapshot(): ScenarioSet {
  const scenarios = planning.scenarios.map((s) => ({ name: s.name, halls: $state.snapshot(planning.hallsOf(s.key)).map(storedHall) }));
  const at = planning.scenarios.findIndex((s) => s.key === planning.active);
  return { scenarios, active: at < 0 ? null : at };
}

/** Keep the scenarios in this browser. */
export function keepScenarios(): void {
  saveScenarios(scenarioSnapshot());
}

/** Bring back the scenarios this browser keeps (or the halls older versions kept, as the first scenario); false when none. */
export function restoreKept(lang: Lang): boolean {
  const kept = loadScenarios(scenarioName(lang, 1));
  if (kept) restoreScenarios(kept, STRINGS[lang].tools.proposedName);
  return kept !== null;
}

/** Replace every scenario with kept or opened ones (halls without a name are numbered by `fallback`). */
export function restoreScenarios(set: ScenarioSet, fallback: string | ((id: number) => string) = ''): void {
  const scenarios = set.scenarios.map((s) => ({ key: planning.nextKey++, name: s.name, halls: planning.withIds(s.halls.slice(0, PROPOSED_MAX), fallback) }));
  const active = set.active === null ? null : (scenarios[set.active]?.key ?? null);
  planning.reset(); // suggestion, numbers and adding mode belong to the scenarios replaced
  planning.scenarios = scenarios;
  planning.active = active;
  planning.proposed = scenarios.find((s) => s.key === active)?.halls ?? [];
}

// The comparison of two scenarios shown in the planning tool, while it is
// open, for the report to print (issue 18). Set by ScenarioCompare.svelte only.
import type { ScenarioComparison } from '../../core/planning/scenario-compare';

export const shownComparison = $state({
  /** null: no comparison open (or A and B are the same scenario). */
  comparison: null as ScenarioComparison | null,
  key: '',
  aName: '',
  bName: '',
});

// The two scenarios compared in the planning tool, while its comparison is
// open, for the report to compare the same two (issue 18). Set by
// ScenarioCompare.svelte only; '' is today, else a scenario's key.
export const shownComparison = $state({
  /** null: no comparison open (or A and B are the same scenario). */
  pick: null as { a: string; b: string } | null,
});

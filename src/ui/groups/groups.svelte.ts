// Which group of people the table and the map show (null: everyone). Kept
// apart from the app state: only data read with group fields offers a choice.
import { app } from '../state.svelte';

class GroupChoice {
  /** The field picked in the population switch; null: everyone. */
  field = $state<string | null>(null);
  /** The group the requests carry: the picked field while the loaded data has it, else null (new data, other groups). */
  shown = $derived(this.field !== null && (app.loaded?.groups ?? []).includes(this.field) ? this.field : null);
}

export const groupChoice = new GroupChoice();

// Which group of people the table and the map show (null: everyone). Kept
// apart from the app state: only data read with group fields offers a choice.
import { app } from '../state.svelte';
import { groupBreakDivisor } from '../../map/population-scale';

class GroupChoice {
  /** The field picked in the population switch; null: everyone. */
  field = $state<string | null>(null);
  /** The group the requests carry: the picked field while the loaded data has it, else null (new data, other groups). */
  shown = $derived(this.field !== null && (app.loaded?.groups ?? []).includes(this.field) ? this.field : null);
  /**
   * What the shading's and the legend's breaks are divided by for the shown group: from its share of
   * the people on the map's cells (every cell has the same area, so densities add up as people do).
   */
  breakDivisor = $derived.by(() => {
    const field = this.shown;
    if (field === null || !app.loaded) return 1;
    let all = 0;
    let group = 0;
    for (const f of app.loaded.population.features) {
      all += f.properties.d;
      group += f.properties[`d:${field}`] ?? 0;
    }
    return groupBreakDivisor(all > 0 ? group / all : 1);
  });
}

export const groupChoice = new GroupChoice();

// State of the further area levels in the page: their shapes (once per
// load) and their numbers (per radius and services). Which rows are open and
// which level the map outlines live in the first-load state (state.svelte.ts).
import type { LevelLayers, LevelStatsResult } from '../../worker/messages';

class LevelState {
  layers = $state.raw<LevelLayers[]>([]);
  stats = $state.raw<LevelStatsResult | null>(null);
  error = $state('');
}

export const levels = new LevelState();

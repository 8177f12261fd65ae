import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // discloseVersion: no global version marker in the first load's runtime (issue 13's size budget).
  compilerOptions: { runes: true, discloseVersion: false },
};

import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // discloseVersion: no global version marker in the first load's runtime (issue 13's size budget).
  // cssHash: scoping classes `s-<hash>` instead of `svelte-<hash>` (the same hash of the component's CSS),
  // repeated on every scoped element of every template and in every scoped rule of the first load.
  compilerOptions: { runes: true, discloseVersion: false, cssHash: ({ hash, css }) => `s-${hash(css)}` },
};

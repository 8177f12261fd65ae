import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // discloseVersion: no global version marker in the first load's runtime (issue 13's size budget).
  // cssHash: Svelte's own scoping class with a shorter prefix (`s-<hash>`, not `svelte-<hash>`): it is
  // repeated on every scoped element of every template and in every scoped rule of the first load.
  compilerOptions: {
    runes: true,
    discloseVersion: false,
    cssHash: ({ hash, css, filename }) => `s-${hash(filename === '(unknown)' ? css : (filename ?? css))}`,
  },
};

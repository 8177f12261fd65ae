// MapLibre's stylesheet carries inline SVG icons for every control it has:
// about 7 of its 10 kB gzip, most of it the MapLibre logo (three 13 kB data
// URIs) and the globe, terrain, geolocate and fullscreen buttons, none of
// which this app shows. Dropping those rules at build time keeps the bundle
// within budget without copying MapLibre's CSS into the project.
import type { Plugin } from 'vite';

/**
 * Controls and features the app never uses; their rules are removed. The
 * navigation control is added without its compass (coverage-map.ts), there
 * are no markers (halls are a layer) and no cooperative gestures.
 */
export const UNUSED_CONTROLS = [
  'ctrl-logo',
  'ctrl-fullscreen',
  'ctrl-shrink',
  'ctrl-globe',
  'ctrl-terrain',
  'ctrl-geolocate',
  'user-location',
  'ctrl-compass',
  'marker',
  'cooperative-gesture',
  'mobile-message',
  'desktop-message',
  'pseudo-fullscreen',
];

const RULE = /([^{}]*)\{([^{}]*)\}/g;

/** The stylesheet without rules whose selectors all name an unused control. */
export function trimMaplibreCss(css: string, unused: readonly string[] = UNUSED_CONTROLS): string {
  return css.replace(RULE, (rule, selectorText: string) => {
    if (selectorText.trim().startsWith('@')) return rule;
    const selectors = selectorText.split(',');
    const kept = selectors.filter((s) => !unused.some((c) => s.includes(`maplibregl-${c}`)));
    if (kept.length === selectors.length) return rule;
    return kept.length === 0 ? '' : rule.replace(selectorText, kept.join(','));
  });
}

/** Vite plugin applying trimMaplibreCss to maplibre-gl's own stylesheet. */
export function trimMaplibreCssPlugin(): Plugin {
  return {
    name: 'service-circles:trim-maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/maplibre-gl\/dist\/maplibre-gl\.css(\?|$)/.test(id)) return null;
      return { code: trimMaplibreCss(code), map: null };
    },
  };
}

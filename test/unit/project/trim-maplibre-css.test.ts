import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trimMaplibreCss } from '../../../scripts/trim-maplibre-css';

const css = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');

describe('trimMaplibreCss', () => {
  const trimmed = trimMaplibreCss(css);

  it('drops the logo, globe, terrain, geolocate, fullscreen, compass, marker and cooperative-gesture rules', () => {
    for (const c of ['ctrl-logo', 'ctrl-globe', 'ctrl-terrain', 'ctrl-geolocate', 'ctrl-fullscreen', 'ctrl-compass', 'marker', 'cooperative-gesture']) {
      expect(css).toContain(`maplibregl-${c}`);
      expect(trimmed).not.toContain(`maplibregl-${c}`);
    }
  });

  it('keeps what the app shows: canvas, zoom buttons (no compass), attribution, popups', () => {
    for (const c of [
      'maplibregl-canvas',
      'maplibregl-ctrl-zoom-in',
      'maplibregl-ctrl-zoom-out',
      'maplibregl-ctrl-attrib-button',
      'maplibregl-popup-content',
      'maplibregl-ctrl-top-right',
    ]) {
      expect(trimmed, c).toContain(c);
    }
  });

  it('keeps the other selectors of a rule that also names a dropped control', () => {
    expect(trimMaplibreCss('.a,.maplibregl-ctrl-logo{color:red}.b{x:1}')).toBe('.a{color:red}.b{x:1}');
  });

  it('leaves balanced braces and shrinks the gzip size by more than half', () => {
    expect(trimmed.split('{').length).toBe(trimmed.split('}').length);
    expect(gzipSync(trimmed).length).toBeLessThan(gzipSync(css).length / 2);
  });
});

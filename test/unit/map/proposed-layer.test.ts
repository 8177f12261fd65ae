import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ProposedLayer } from '../../../src/map/proposed-layer';

// Just what ProposedLayer asks of MapLibre: layers with a visibility, events ignored.
function fakeMap() {
  const visibility = new Map<string, string>();
  const map = {
    addSource: () => undefined,
    getSource: () => undefined,
    addLayer: (l: { id: string }) => visibility.set(l.id, 'visible'),
    getLayer: (id: string) => (visibility.has(id) ? {} : undefined),
    setLayoutProperty: (id: string, prop: string, value: string) => {
      if (prop === 'visibility') visibility.set(id, value);
    },
    setPaintProperty: () => undefined,
    on: () => undefined,
    getCanvas: () => ({ style: {} }),
  };
  return { map: map as unknown as MapLibreMap, visibility: () => Object.fromEntries(visibility) };
}
const layer = () => {
  const f = fakeMap();
  return { ...f, layer: new ProposedLayer(f.map, { onAdd: () => undefined, onMove: () => undefined }, 500) };
};
const all = (reach: string, rest: string) => ({ 'planning-reach': reach, 'planning-points': rest, 'planning-labels': rest });

describe('ProposedLayer.hide', () => {
  it('hides the markers, reach rings and labels, and its function shows them again', () => {
    const { layer: l, visibility } = layer();
    const show = l.hide();
    expect(visibility()).toEqual(all('none', 'none'));
    show();
    expect(visibility()).toEqual(all('visible', 'visible'));
  });
  it('keeps walking mode’s hidden reach rings hidden when it shows the layer again', () => {
    const { layer: l, visibility } = layer();
    l.setReachShown(false);
    const show = l.hide();
    expect(visibility()).toEqual(all('none', 'none'));
    show();
    expect(visibility()).toEqual(all('none', 'visible'));
  });
  it('shows the reach rings as the mode is by then: a switch while hidden waits and then holds', () => {
    const { layer: l, visibility } = layer();
    l.setReachShown(false);
    const show = l.hide();
    l.setReachShown(true);
    expect(visibility()['planning-reach'], 'still hidden for the print').toBe('none');
    show();
    expect(visibility()).toEqual(all('visible', 'visible'));
  });
  it('stays hidden until every hide is undone, each undo counting once', () => {
    const { layer: l, visibility } = layer();
    const first = l.hide();
    const second = l.hide();
    first();
    first();
    expect(visibility()).toEqual(all('none', 'none'));
    second();
    expect(visibility()).toEqual(all('visible', 'visible'));
  });
});

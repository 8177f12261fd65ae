// One capacity for every hall, to explore loads when the data has none
// ("each hall can serve N people"); cleared, the app shows coverage only.
// A Svelte action in plain DOM with no imports, fetched on first need (never
// for the sample, whose halls have capacities): its chunk is only this code.
// Texts go in through textContent.

export interface CapacityInputParams {
  label: string;
  unit: string;
  hint: string;
  value: number | null;
  onchange: (v: number | null) => void;
}

export function capacityInput(node: HTMLElement, params: CapacityInputParams): { update(p: CapacityInputParams): void; destroy(): void } {
  let p = params;
  const label = document.createElement('label');
  const before = document.createTextNode('');
  const after = document.createTextNode('');
  const input = document.createElement('input');
  Object.assign(input, { type: 'number', min: '0', step: '1', inputMode: 'numeric' });
  input.dataset.testid = 'uniform-capacity';
  input.setAttribute('aria-describedby', 'capacity-hint');
  const hint = document.createElement('p');
  hint.id = 'capacity-hint';
  hint.className = 'hint';
  label.append(before, ' ', input, ' ', after);
  node.append(label, hint);
  const onInput = () => {
    const text = input.value.trim();
    const v = Number(text);
    // Empty: back to coverage only; anything not a number >= 0 is ignored until it is one (the browser marks it invalid).
    if (text === '') p.onchange(null);
    else if (Number.isFinite(v) && v >= 0) p.onchange(v);
  };
  input.addEventListener('input', onInput);
  const show = () => {
    before.textContent = p.label;
    after.textContent = p.unit;
    hint.textContent = p.hint;
    // Not while typing: the field keeps what the person typed.
    if (document.activeElement !== input) input.value = p.value === null ? '' : String(p.value);
  };
  show();
  return {
    update(next) {
      p = next;
      show();
    },
    destroy() {
      input.removeEventListener('input', onInput);
      node.replaceChildren();
    },
  };
}

// Popup body for a hall: every string goes in through textContent, so a hall
// name like `<img src=x onerror=…>` is shown as those characters, never parsed.

export interface PopupContent {
  title: string;
  rows: [label: string, value: string][];
}

export function popupElement(content: PopupContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'hall-popup';
  root.dataset.testid = 'hall-popup';
  const h = document.createElement('h3');
  h.textContent = content.title;
  h.dataset.testid = 'hall-popup-title';
  root.append(h);
  const dl = document.createElement('dl');
  for (const [label, value] of content.rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  root.append(dl);
  return root;
}

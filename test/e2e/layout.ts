// Layout checks for the browser tests, each measured on element boxes as a
// person sees them: does a table fit its panel without horizontal scrolling,
// does a header break inside a word, are touch targets large enough and apart.
import { expect, type Locator, type Page } from '@playwright/test';

export interface FitReport {
  /** Ancestors (or the table's own scroller) that scroll sideways: "selector scrollWidth>clientWidth". */
  scrollers: string[];
  /** Cells (or anything inside them) whose box reaches past a clipping ancestor or the window. */
  outside: string[];
  /** Header texts wrapped inside a word, as "text|line break here". */
  brokenWords: string[];
}

/**
 * Whether every header and cell of the table is inside the visible box of
 * each ancestor that clips or scrolls (the table's wrapper, the panel) and of
 * the window, whether any of those scrolls sideways, and whether a header's
 * text wraps between two characters of one word (a line break inside one text
 * node between two non-space characters: for Chinese, which has no spaces,
 * that is any break except at a zero-width space, the app's marked break).
 */
export async function tableFit(table: Locator): Promise<FitReport> {
  return table.evaluate((t) => {
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.getAttribute('data-col') ? `[${e.getAttribute('data-col')}]` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const clips: { el: Element; left: number; right: number }[] = [];
    const scrollers: string[] = [];
    for (let a: Element | null = t.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible') continue;
      const r = a.getBoundingClientRect();
      const left = r.left + a.clientLeft;
      clips.push({ el: a, left, right: left + a.clientWidth });
      if (a.scrollWidth > a.clientWidth) scrollers.push(`${a.tagName.toLowerCase()}.${a.className} ${a.scrollWidth}>${a.clientWidth}`);
    }
    clips.push({ el: document.documentElement, left: 0, right: document.documentElement.clientWidth });
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
      scrollers.push(`html ${document.documentElement.scrollWidth}>${document.documentElement.clientWidth}`);
    const outside: string[] = [];
    for (const cell of t.querySelectorAll('th, td')) {
      for (const e of [cell, ...cell.querySelectorAll('*')]) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        for (const c of clips) {
          if (r.left < c.left - 0.5 || r.right > c.right + 0.5) {
            outside.push(
              `${name(e)} [${Math.round(r.left)},${Math.round(r.right)}] outside ${c.el.tagName.toLowerCase()}.${(c.el as HTMLElement).className} [${Math.round(c.left)},${Math.round(c.right)}]`,
            );
            break;
          }
        }
      }
    }
    const brokenWords: string[] = [];
    for (const th of t.querySelectorAll('thead th')) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        const tops: (number | null)[] = [...text].map((_, i) => {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const rects = range.getClientRects();
          return rects.length ? rects[0].top : null;
        });
        for (let i = 1; i < text.length; i++) {
          const a = tops[i - 1];
          const b = tops[i];
          if (a === null || b === null || /[\s\u200b]/.test(text[i - 1]) || /[\s\u200b]/.test(text[i])) continue;
          if (Math.abs(b - a) > 4) brokenWords.push(`${text.slice(0, i)}|${text.slice(i)}`);
        }
      }
    }
    return { scrollers, outside, brokenWords };
  });
}

/** Wait until a table fits: no sideways scrolling, no box outside, no header broken inside a word. */
export async function expectTableFits(table: Locator, what: string): Promise<void> {
  const fits = { scrollers: [], outside: [], brokenWords: [] };
  let report = await tableFit(table);
  // The table settles its layout after new numbers arrive; a few frames at most.
  for (let i = 0; i < 10 && JSON.stringify(report) !== JSON.stringify(fits); i++) {
    await table.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    report = await tableFit(table);
  }
  expect(report, `${what}: the table fits its panel`).toEqual(fits);
}

export interface TargetReport {
  /** Interactive elements under 24×24 px without the WCAG 2.2 spacing exception. */
  small: string[];
  /** Pairs of interactive elements whose boxes overlap. */
  overlapping: string[];
  /** How many interactive elements were looked at. */
  count: number;
}

/**
 * WCAG 2.2 target size (minimum, 2.5.8) for every interactive element a
 * person can reach: those in the open drawer (scrolled or not) and those
 * elsewhere that are on top at their centre. A target under 24×24 px passes
 * when a 24 px circle centred on it meets no other target and no other
 * undersized target's circle (the spacing exception), or when it is a link
 * inside a sentence (the inline exception). A control inside its <label> is
 * measured as the label, which operates it. Overlapping boxes always fail;
 * only what shows through a scrolling list counts, and a control outside the
 * drawer meets only what the drawer shows at its current scroll.
 */
export async function touchTargets(page: Page, container: string): Promise<TargetReport> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    const all = [...document.querySelectorAll('button, a[href], input, select, textarea, summary, [role=button]')] as HTMLElement[];
    const label = (e: HTMLElement) =>
      `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? (e as HTMLInputElement).value ?? '').trim().slice(0, 25)}"`;
    type Box = { left: number; top: number; right: number; bottom: number };
    const cut = (a: Box, b: Box): Box | null => {
      const r = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
      return r.right - r.left > 0.5 && r.bottom - r.top > 0.5 ? r : null;
    };
    // The part of a box that shows through every scrolling or clipping ancestor (the drawer itself only when `andRoot`).
    const shown = (e: Element, box: Box, andRoot: boolean): Box | null => {
      let r: Box | null = box;
      for (let a = e.parentElement; a && r; a = a.parentElement) {
        if (a === root && !andRoot) break;
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        const left = ar.left + a.clientLeft;
        const top = ar.top + a.clientTop;
        r = cut(r, { left, top, right: left + a.clientWidth, bottom: top + a.clientHeight });
      }
      return r;
    };
    const targets = all
      .filter((e) => e.checkVisibility({ visibilityProperty: true }) && !e.closest('[inert]'))
      // A control inside its <label> is operated by the whole label.
      .map((e) => {
        const box = (e.tagName === 'INPUT' && e.closest('label') ? e.closest('label')! : e).getBoundingClientRect();
        const inRoot = !!root?.contains(e);
        return { e, r: box, inRoot, inside: shown(e, box, false), onScreen: shown(e, box, true) };
      })
      .filter(({ r, inside }) => r.width > 0 && r.height > 0 && inside)
      .filter(({ e, r, inRoot, onScreen }) => {
        if (inRoot) return true;
        if (!onScreen || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!top && (top === e || e.contains(top) || top.contains(e));
      });
    // A link in running text: its block holds text outside any link.
    const inline = (e: HTMLElement) => {
      if (e.tagName !== 'A' || getComputedStyle(e).display !== 'inline') return false;
      const block = e.parentElement;
      if (!block) return false;
      const own = [...block.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('');
      return own.trim().length > 0;
    };
    const undersized = targets.filter(({ e, r }) => (r.width < 23.5 || r.height < 23.5) && !inline(e));
    const centre = (r: Box) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as const;
    const distToBox = (x: number, y: number, r: Box) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const small: string[] = [];
    for (const u of undersized) {
      const [x, y] = centre(u.inside!);
      const hitsTarget = targets.some((o) => o.e !== u.e && !o.e.contains(u.e) && !u.e.contains(o.e) && distToBox(x, y, o.inside!) < 12);
      const hitsCircle = undersized.some((o) => {
        if (o.e === u.e) return false;
        const [ox, oy] = centre(o.inside!);
        return Math.hypot(ox - x, oy - y) < 24;
      });
      if (hitsTarget || hitsCircle) small.push(`${label(u.e)} ${Math.round(u.r.width)}×${Math.round(u.r.height)}`);
    }
    const overlapping: string[] = [];
    for (let i = 0; i < targets.length; i++) {
      for (let j = i + 1; j < targets.length; j++) {
        const a = targets[i];
        const b = targets[j];
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        // Two controls in the drawer meet wherever it is scrolled; one outside it meets only what the drawer shows.
        const both = a.inRoot && b.inRoot;
        const ra = both ? a.inside : a.onScreen;
        const rb = both ? b.inside : b.onScreen;
        if (ra && rb && cut(ra, rb)) overlapping.push(`${label(a.e)} × ${label(b.e)}`);
      }
    }
    return { small, overlapping, count: targets.length };
  }, container);
}

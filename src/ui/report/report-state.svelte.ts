// Whether the printable report is open (issue 18), and for what: the whole
// district or the selected area. A link carries it (#report, see
// src/ui/share/url-state.ts); the report's code loads on first open.
export const report = $state({
  open: false,
  /** 'area': the area selected on the map or in the table. */
  scope: 'district' as 'district' | 'area',
  /** performance.now() when it was asked for, so the view can state how long it took. */
  askedAt: 0,
});

/** Open the report (for the selected area, an index, or the whole district when none is) or close it. */
export function showReport(open: boolean, selected: number | null): void {
  if (open === report.open) return;
  report.open = open;
  if (!open) return;
  report.scope = selected === null ? 'district' : 'area';
  report.askedAt = performance.now();
}

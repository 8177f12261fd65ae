// Whether the printable report is open (issue 18), and for what: the whole
// district or the selected area. A link carries it (#report, see
// src/ui/share/url-state.ts); the report's code loads on first open.
class ReportState {
  open = $state(false);
  /** 'area': the area selected on the map or in the table, when there is one. */
  scope = $state<'district' | 'area'>('district');
  /** performance.now() when it was asked for, so the view can state how long it took. */
  askedAt = 0;

  show(scope: 'district' | 'area'): void {
    this.scope = scope;
    this.askedAt = performance.now();
    this.open = true;
  }

  close(): void {
    this.open = false;
  }
}

export const report = new ReportState();

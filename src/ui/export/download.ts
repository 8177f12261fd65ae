// Saving a file from the page: a Blob behind a temporary object URL and a
// clicked <a download>. Works offline and under the strict CSP (blob: is
// only navigated to by the download, never loaded as a script or image).

/** Offer `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offer text as a UTF-8 download (CSV texts already start with their BOM). */
export function downloadText(text: string, name: string, mime: string): void {
  downloadBlob(new Blob([text], { type: `${mime};charset=utf-8` }), name);
}

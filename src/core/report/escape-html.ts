// Data text (area, hall and file names) goes into the report as text, never
// as markup: every character that HTML gives a meaning to, in element content
// and in quoted attribute values, becomes an entity.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

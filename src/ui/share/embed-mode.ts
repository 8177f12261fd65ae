// How the page was asked to present itself: ?embed=1 for a compact iframe
// view, &tools=1 to keep the import and planning controls in it.

export interface EmbedMode {
  embed: boolean; // compact layout for iframes
  tools: boolean; // import/planning controls shown (always true outside embed mode)
}

function flag(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  return v !== null && ['1', 'true', 'yes', ''].includes(v.toLowerCase());
}

/** Read embed and tools from a query string such as location.search. */
export function readEmbedMode(search: string): EmbedMode {
  const params = new URLSearchParams(search);
  const embed = flag(params, 'embed');
  return { embed, tools: !embed || flag(params, 'tools') };
}

// The tool strings of tool-strings.ts in English, fetched with the English
// interface strings (strings-en.ts).
import type { ToolStrings } from './tool-strings';

export const TOOL_STRINGS_EN: ToolStrings = {
  title: 'Planning',
  suggestTitle: 'Suggest sites',
  exportTitle: 'Export',
  importTitle: 'Bring your own data',
  reportOpen: 'Report',
  projectTitle: 'Project file',
  toolOpen: (name) => `Open “${name}”`,
  toolLoading: (name) => `Loading “${name}”…`,
  toolFailed: (name) => `“${name}” could not be loaded: the connection failed, or the site has been updated. Reload the page and try again.`,
  toolRetry: 'Try again',
  proposedName: (n) => `Proposed hall ${n}`,
};

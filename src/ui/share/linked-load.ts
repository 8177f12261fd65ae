// First data load when the page URL names data sets (?halls=…): the linked
// files replace the sample's for their roles. Without linked data, own files
// kept in this browser (src/ui/own-data) replace them instead. If a linked or
// kept file cannot be downloaded or parsed, its message is kept for the alert
// and the sample is loaded instead, so the page never ends up empty.
import type { InputFiles } from '../../worker/messages';
import type { LinkedText } from './data-urls';

export async function loadInitialData<R>(
  sampleFiles: () => Promise<InputFiles>,
  linked: () => Promise<{ texts: LinkedText[]; errors: string[] }>,
  load: (files: InputFiles) => Promise<R>,
  stored: () => Promise<Partial<InputFiles> | null> = async () => null,
): Promise<{ result: R; errors: string[]; replaced: string[]; kept?: true }> {
  const [sample, link, own] = await Promise.all([sampleFiles(), linked(), stored()]);
  const errors = [...link.errors];
  if (link.texts.length > 0) {
    const files: InputFiles = { ...sample };
    for (const t of link.texts) files[t.role] = { file: t.name, text: t.text };
    if (link.texts.some((t) => t.role === 'areas')) delete files.levels; // the sample's communities go with its subdistricts only
    try {
      return { result: await load(files), errors, replaced: link.texts.map((t) => t.role) };
    } catch (e) {
      // The parser's own one-line message: file, feature or row, field.
      errors.push(e instanceof Error ? e.message : String(e));
    }
  } else if (own && Object.keys(own).length > 0) {
    try {
      const files: InputFiles = { ...sample, ...own };
      if (own.areas && !own.levels) delete files.levels; // kept areas bring their own further levels, if any
      return { result: await load(files), errors, replaced: Object.keys(own).filter((k) => k !== 'levels'), kept: true };
    } catch (e) {
      errors.push(`own data kept in this browser: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (errors.length > 0) errors.push('showing the sample data instead');
  return { result: await load(sample), errors, replaced: [] };
}

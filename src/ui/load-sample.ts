// Fetches the embedded sample's three files as text for the worker. Relative
// URLs, because the build uses base './' and may be served from any sub-path.
import type { InputFiles } from '../worker/messages';

export const SAMPLE_FILES = { halls: 'halls.geojson', population: 'population.geojson', areas: 'areas.geojson', communities: 'communities.geojson' } as const;

/** The sample population's count fields of groups of people, read with it. */
export const SAMPLE_GROUPS = ['age65'] as const;

async function fetchText(file: string): Promise<{ file: string; text: string }> {
  const url = new URL(`geo/${file}`, document.baseURI);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return { file, text: await res.text() };
}

export async function loadSampleFiles(): Promise<InputFiles> {
  const [halls, population, areas, communities] = await Promise.all([
    fetchText(SAMPLE_FILES.halls),
    fetchText(SAMPLE_FILES.population),
    fetchText(SAMPLE_FILES.areas),
    fetchText(SAMPLE_FILES.communities),
  ]);
  // The communities are the sample's second area level, under the subdistricts; its modelled 65+ count is a group of people (public/geo/README.md).
  return { halls, population: { ...population, groupFields: [...SAMPLE_GROUPS] }, areas, levels: [communities] };
}

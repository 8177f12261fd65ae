// The words of the CSVs written for people: a title line saying what is
// inside, column names and row names in the interface language. The page
// sends them with the request (the worker holds no UI strings), as plain
// data because functions cannot cross postMessage.

/** Column names of one key (a service, or 'all'). */
export interface KeyLabels {
  /** The key's display name, for the service column of the gap CSV. */
  name: string;
  /** Halls offering it (services only). */
  halls: string;
  covered: string;
  /** The covered share, a percentage with one decimal. */
  share: string;
  uncovered: string;
  nearestP50: string;
  nearestP90: string;
  nearestMax: string;
  /** With capacity analysis (services only): people served, and in range of a hall over capacity. */
  served: string;
  over: string;
  /** With a coverage target: whether the block's share meets it (the page names the target in it); default `meets target (key)`. */
  meetsTarget?: string;
}

/** Column names of the per-hall load CSV. */
export interface LoadLabels {
  index: string;
  name: string;
  capacity: string;
  load: string;
  served: string;
  over: string;
  utilisation: string;
}

export interface CsvLabels {
  /** First line of the file: what, for which service and radius, when, from which data. */
  title: string;
  area: string;
  population: string;
  halls: string;
  /** Name of the stats CSV's total row. */
  total: string;
  /** Name of the bucket of people outside every area ('(outside areas)' in the engine). */
  outsideAreas: string;
  service: string;
  rank: string;
  areaM2: string;
  centroidLng: string;
  centroidLat: string;
  nearestHallM: string;
  coordinateSystem: string;
  /** Per service and 'all'. */
  byKey: Record<string, KeyLabels>;
  loads: LoadLabels;
  /** The cells of a meets-target column; default `yes` / `no` (a block without people: empty). */
  targetWords?: { yes: string; no: string };
}

/** The labels of a key; a service the page did not name (it should not happen) falls back to its own name. */
export function keyLabels(labels: CsvLabels, key: string): KeyLabels {
  if (Object.hasOwn(labels.byKey, key)) return labels.byKey[key];
  const k = (what: string) => `${what} (${key})`;
  return {
    name: key,
    halls: k(labels.halls),
    covered: k('covered'),
    share: k('share %'),
    uncovered: k('uncovered'),
    nearestP50: k('nearest p50 m'),
    nearestP90: k('nearest p90 m'),
    nearestMax: k('nearest max m'),
    served: k('served'),
    over: k('over capacity'),
    meetsTarget: k('meets target'),
  };
}

// Every size and count limit of the app and the CLI, in one place, each with
// why it sits where it does; docs/data-format.md ("Limits") lists them for
// users. The measurements behind them are in docs/robustness.md and the
// benches named there.

const MiB = 2 ** 20;

// Reading files.

/** Largest file the browser takes (imports and candidate sites alike), checked before a byte is read: past it the CLI is the better tool. */
export const BROWSER_FILE_MAX_BYTES = 512 * MiB;
/** Largest file the browser reads whole into one string (not UTF-8, or not a plain FeatureCollection): text and parsed objects take about 8× the file. */
export const BROWSER_WHOLE_MAX_BYTES = 128 * MiB;
/** Slice the browser worker reads a file in: small, so progress is reported often and little is held at once. */
export const BROWSER_SLICE_BYTES = MiB;
/** From this size the browser streams a file feature by feature; smaller ones are quick whole, and the import shows progress per slice. */
export const BROWSER_STREAM_FROM_BYTES = MiB;
/** From this size the CLI streams the population file: well below where memory matters, well above test fixtures, so small runs take the plain path. */
export const CLI_STREAM_FROM_BYTES = 8 * MiB;
/** Largest file the CLI reads whole: its text always fits in one JavaScript string, in any encoding. */
export const CLI_WHOLE_MAX_BYTES = 500 * MiB;

// Population.

/** Sample units polygon population may make in the CLI: about 120 bytes each, so 30 million need some 3.6 GB. */
export const POLYGON_UNITS_MAX = 30_000_000;
/** Sample units the browser holds: about 120 bytes each in the page's process, so 8 million stay near 1 GB. */
export const BROWSER_UNITS_MAX = 8_000_000;

// Gap zones and the map.

/** Most populated cells of a gap grid; denser data is coarsened by a whole factor (a million scattered points get 72 m cells). */
export const GAP_CELLS_MAX = 100_000;
/** Most population squares sent to the map, each about 6.8 kB in the page; denser data is drawn on a coarsening of the gap grid. */
export const DISPLAY_CELLS_MAX = 40_000;

// Planning, links and project files.

/** Most proposed halls the planning list holds, however they come: each is recomputed on every change of radius or service. A district's plan has tens. */
export const PROPOSED_MAX = 1000;
/** Bytes of data a project file holds, all files together: the page builds and parses the file whole (about three times its size in memory). */
export const PROJECT_DATA_MAX_BYTES = 128 * MiB;
/** Largest project file opened: its data at most PROJECT_DATA_MAX_BYTES, stored as text or base64 inside JSON, which grows it by less than 2×. */
export const PROJECT_FILE_MAX_BYTES = 2 * PROJECT_DATA_MAX_BYTES;
/** Most scenarios (方案) kept in the browser or a project file: a meeting compares a handful. */
export const SCENARIOS_MAX = 50;
/** Characters in a scenario name, as in a link's texts. */
export const SCENARIO_NAME_MAX = 200;
/** Largest roads file read (whole) for walking distance: the roads of a district, cut from an extract, are a few MiB. */
export const ROADS_MAX_BYTES = 256 * MiB;
/** data: URLs live in the address bar; beyond 2 MiB (characters) a file URL is the right tool. */
export const DATA_URL_MAX_CHARS = 2 * MiB;
/** Largest linked download (a whole city's 100 m grid is far smaller): refused at once when announced, else as soon as that much has arrived. */
export const FETCH_MAX_BYTES = 200 * MiB;

/** What a link (src/ui/share/url-state.ts) or a host page's command (src/ui/share/embed-messages.ts) may ask for: bounds that keep a hostile address or message from making the app do silly amounts of work. */
export const LINK_LIMITS = {
  radiusMin: 1, // metres
  radiusMax: 50_000, // metres: far beyond any walking-distance circle
  zoomMin: 0,
  zoomMax: 24,
  maxItems: 50, // services or layers in one list
  maxProposed: 500, // proposed halls in a link (a project file carries up to PROPOSED_MAX)
  maxText: 200, // characters in one name
  maxWarnings: 10, // warnings listed one by one; the rest are counted in one line
} as const;

/** A byte count as people read it, in the app's and the CLI's messages alike: MiB, whole ("512 MiB") or to `decimals` places ("0.5 MiB"). */
export function formatMiB(bytes: number, decimals = 0): string {
  const f = 10 ** decimals;
  return `${Math.round((bytes / MiB) * f) / f} MiB`;
}

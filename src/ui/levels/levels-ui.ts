// The area levels' page code, fetched on first use (a table row opened to
// its finer areas, or a finer level chosen for the map), so the first page
// load does not carry it.
export { default as LevelSync } from './LevelSync.svelte';
export { default as LevelRows } from './LevelRows.svelte';

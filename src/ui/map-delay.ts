// Every new shape or paint value makes MapLibre redraw the map, the main
// thread's biggest cost while a slider is dragged (slowest with the software
// WebGL of the tests, see test/e2e/longtasks.spec.ts). Map shapes that
// depend on the radius therefore follow once it has rested this long
// (milliseconds); the table follows live.
export const MAP_SHAPES_DELAY_MS = 150;

// The one map on the page, for the tools that print it (the PNG export, the
// report): MapView sets it when the map exists; null without WebGL. The
// map lives as long as the page.
import type { CoverageMap } from '../map/coverage-map';

export const mapHandle: { current: CoverageMap | null } = { current: null };

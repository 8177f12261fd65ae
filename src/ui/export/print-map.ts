// The map as an image for print: drawn by MapLibre at 2× or 3× the screen's
// CSS pixels, with the title band, scale bar, north arrow and the full legend
// (population ramp, halls by services and kind, circles, gaps, proposed and
// suggested halls) of map-png.ts. The PNG export and the report both use it,
// so their legends are the same.
import { app } from '../state.svelte';
import { serviceName, STRINGS } from '../i18n';
import { formatDistance } from '../format';
import { planning } from '../planning/planning.svelte';
import { mapHandle } from '../map-handle';
import { printImage, type PrintOverlay } from '../../map/print-image';
import { localDate } from './file-name';
import { composeMapPng, type LegendGroup } from './map-png';
import { REPORT_STRINGS } from '../../core/report/report-strings';
import { populationClasses } from '../../map/population-scale';
import { groupChoice } from '../groups/groups.svelte';
import { GROUP_STRINGS, groupName } from '../groups/group-strings';
import { GAP_COLOR, MIX_COLORS, NO_KNOWN_SERVICE, PROPOSED_COLOR, SUGGESTED_COLOR, serviceColor } from '../../map/palette';

/** Canvas pixels per CSS pixel the print image can be made at. */
export const PRINT_RATIOS = [2, 3] as const;

/** The legend as the app's side panel shows it, in groups. */
export function printLegend(): LegendGroup[] {
  const t = STRINGS[app.lang];
  const p = t.planning;
  const present = new Set(app.loaded?.hallPoints.features.map((f) => f.properties.mix) ?? []);
  const mixes = Object.keys(MIX_COLORS).filter((m) => present.has(m));
  const someMuted = (app.loaded?.halls ?? []).some((h) => !app.services.some((s) => h.services.includes(s)));
  const chosen = app.services.map((s) => serviceName(t, s)).join(t.listSeparator);
  const gapsPlanned = planning.proposed.length > 0 && planning.mapGaps !== null;
  // The image is the map as shown: a group's shading comes with its name and its breaks (Legend.svelte).
  const group = groupChoice.shown;
  const populationTitle = t.populationLegend(app.loaded?.cellM ?? 100);
  return [
    {
      title: group === null ? populationTitle : `${populationTitle} · ${GROUP_STRINGS[app.lang].legendGroup(groupName(group, app.lang))}`,
      items: populationClasses(groupChoice.breakDivisor).map((c) => ({
        swatch: 'fill' as const,
        color: c.color,
        label: c.to === null ? `≥ ${c.from}` : `${c.from}–${c.to}`,
      })),
    },
    {
      title: t.hallLegend,
      items: [
        ...mixes.map((m) => ({
          swatch: 'dot' as const,
          color: MIX_COLORS[m],
          label: m
            .split('+')
            .map((s) => serviceName(t, s))
            .join(' + '),
        })),
        ...(someMuted ? [{ swatch: 'dot' as const, color: NO_KNOWN_SERVICE, label: t.hallMuted(chosen), muted: true }] : []),
        { swatch: 'dot', color: NO_KNOWN_SERVICE, label: t.hallBig, size: 0.8 },
        { swatch: 'dot', color: NO_KNOWN_SERVICE, label: t.hallSmall, size: 0.4 },
      ],
    },
    {
      title: t.circlesLegend,
      items: [
        ...(app.result?.services ?? []).map((s) => ({ swatch: 'ring' as const, color: serviceColor(s), label: serviceName(t, s) })),
        { swatch: 'hatch', color: GAP_COLOR, label: gapsPlanned ? t.gapsLegendPlanned : t.gapsLegend },
        ...(planning.proposed.length ? [{ swatch: 'proposed' as const, color: PROPOSED_COLOR, label: p.proposedLegend }] : []),
        ...(planning.suggestion?.sites.length ? [{ swatch: 'suggested' as const, color: SUGGESTED_COLOR, label: p.suggestedLegend }] : []),
      ],
    },
  ];
}

/** What one print changes on the map of the app: layers shown or hidden for it, its legend (printLegend() when absent), its title. */
export interface PrintExtra {
  title?: string;
  legend?: LegendGroup[];
  overlay?: PrintOverlay;
}

/**
 * The map with title, scale bar, north arrow and legend, at `ratio` canvas
 * pixels per CSS pixel; fitted to `bbox` first when given (the view on
 * screen is put back). Drawn once the map shows all it was given; null when
 * `wanted` says by then that the image is no longer needed.
 */
export async function printMap(
  ratio: number,
  bbox: [number, number, number, number] | null,
  now: Date,
  wanted: () => boolean = () => true,
  extra: PrintExtra = {},
): Promise<HTMLCanvasElement | null> {
  const map = mapHandle.current;
  if (!map) throw new Error(STRINGS[app.lang].noWebGl);
  const shot = await printImage(map, ratio, bbox, wanted, extra.overlay);
  if (!shot) return null;
  const t = STRINGS[app.lang];
  const r = REPORT_STRINGS[app.lang];
  return composeMapPng(
    shot.canvas,
    {
      title: extra.title ?? t.planning.pngTitle(serviceName(t, app.choice), formatDistance(app.radiusM, app.lang)),
      subtitle: t.planning.pngSubtitle(localDate(now), 'WGS84', app.dataOrigin === 'sample'),
      legend: extra.legend ?? printLegend(),
      scaleBar: { metresPerCssPx: shot.metresPerCssPx, km: r.km, metres: r.metres },
      north: r.north,
    },
    ratio,
  );
}

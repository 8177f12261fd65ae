// Glue between the app state (../state.svelte, planning) and sharing: the link read at
// start, the data sets named in the page URL, own data kept in this browser
// (../own-data), embed mode, and host commands.
// Rune state here: whether the start link has been applied, so the hash is
// not overwritten with defaults before the data has arrived, and whether a
// link asked for walking distance where no roads are loaded (said on screen).
import { app, LAYER_ORDER } from '../state.svelte';
import { report, showReport } from '../report/report-state.svelte';
import { planning } from '../planning/planning.svelte';
import { STRINGS } from '../i18n';
import type { InputFiles, LoadResult } from '../../worker/messages';
import { loadSampleFiles } from '../load-sample';
import { readEmbedMode, type EmbedMode } from './embed-mode';
import { loadLinkReader, patchOfLink, readLink } from './hash-sync';
import type { LinkedText } from './data-urls';
import { mayLinkData } from './data-params';
import { runStartSequence } from './start-sequence';
import { choicesToShare, commandToPatch, snapshotOf, type ChoicePatch } from './app-link';
import { encodeHash, type LinkedHall, type ShareState } from './url-state';
import type { EmbedSnapshot, SetMessage } from './embed-messages';
import { keepsScenarios, loadProposed } from '../planning/proposed-store';
import { scenarioName } from '../planning/planning.svelte';
import { own, ownStore, withOwn } from '../own-data/own-data.svelte';
import type { StoredData } from '../own-data/own-store';
import { linkCarriesAll, linkCarriesPartOf } from './proposed-link';
import { groupChoice } from '../groups/groups.svelte';

/** The page's address as the app starts from it: embed mode and the link it was opened with (warnings already on the console). */
interface StartAddress {
  embed: EmbedMode;
  link: ReturnType<typeof readLink>;
}
let started: StartAddress | null = null;
/** The link start-up applies: the page's, or the view kept with own data when the address has none. */
let startState: ShareState = {};

/**
 * Reads the address once, on first use rather than at import, so this module
 * loads where there is no page (tests, tools). A language in the link wins
 * over the remembered one from the first paint on: App calls this first.
 */
export function startFromAddress(): StartAddress {
  if (started) return started;
  started = { embed: readEmbedMode(location.search), link: readLink(location.hash, { knownLayers: LAYER_ORDER }) };
  startState = started.link.state;
  if (started.link.state.lang) app.lang = started.link.state.lang;
  return started;
}

/** ?embed=1 and &tools=1, as the page was opened. */
export const embedMode: EmbedMode = {
  get embed() {
    return startFromAddress().embed.embed;
  },
  get tools() {
    return startFromAddress().embed.tools;
  },
};

let linkApplied = $state(false);

/** A link asked for walking distance but no roads are loaded: the numbers are straight-line, and the page says so. */
export const distanceLink = $state({ walkingWithoutRoads: false });
// The data the start link named, while it is the data shown: the hash keeps naming it.
let linkedSample: object | null = null;
const linkedData = () => (app.loaded !== null && app.loaded === linkedSample ? startFromAddress().link.state.dataSets : undefined);

function warnAll(warnings: string[]): void {
  for (const w of warnings) console.warn(w);
}

function areaNames(): string[] {
  return app.loaded?.areas.map((a) => a.name) ?? [];
}

// Proposed halls of a link replace the planning list (names are numbered anew),
// unless the link holds the list's own first part (see proposed-link.ts).
function setProposed(halls: LinkedHall[]): void {
  const held = $state.snapshot(planning.proposed);
  if (linkCarriesPartOf(halls, held)) return;
  planning.proposed = [];
  planning.addAll(
    halls.map((h) => ({ ...h, name: '' })),
    STRINGS[app.lang].tools.proposedName,
  );
  // They came in a link, which already keeps them: leaving the page need not ask.
  planning.markSaved();
}

// The code that edits scenarios, fetched only when a link names a scenario or the browser keeps some.
let scenarioCode: typeof import('../planning/scenarios.svelte') | null = null;
// Not fetched (offline, or the site was updated): the link's scenario is left out, its halls still apply.
const loadScenarioCode = () =>
  import('../planning/scenarios.svelte').then(
    (m) => (scenarioCode = m),
    () => null,
  );

/** Apply a patch from a link or a host command to the app state. */
function applyPatch(p: ChoicePatch, moveToArea: boolean): void {
  // The scenario a link names becomes active (made, empty, when this browser has none of that name).
  if (p.scenario !== undefined) scenarioCode?.activateNamed(p.scenario);
  if (p.choice) app.choice = p.choice;
  if (p.radiusM !== undefined) app.setRadius(p.radiusM);
  if (p.distance) {
    // Kept as asked: importing roads then shows walking. Until then the mode is straight (app.mode), never silently.
    app.distance = p.distance;
    distanceLink.walkingWithoutRoads = p.distance === 'network' && !app.loaded?.roads;
  }
  // Kept as asked, like the distance: data read with that group then shows it (groups.svelte.ts).
  if (p.group !== undefined) groupChoice.field = p.group;
  // Not remembered as the person's preference: the link chose it, not them.
  if (p.lang) app.lang = p.lang;
  if (p.layers) app.layers = { ...app.layers, ...p.layers };
  if (p.proposed) setProposed(p.proposed);
  if (p.area !== undefined) {
    const i = p.area === null ? null : areaNames().indexOf(p.area);
    app.selectArea(i === -1 ? null : i, moveToArea);
  }
  if (p.view) app.focus = { view: p.view };
}

// Loads the user started (Reset to sample, an import) that have not ended, and who waits for none.
let userLoads = 0;
const idleWaiters: (() => void)[] = [];

/**
 * The import dialog calls this as it starts a load and the returned function
 * once that load has ended (shown, failed or replaced): start-up sends no
 * linked data while one runs, since it would be answered after it, over it.
 */
export function userLoadStarted(): () => void {
  userLoads++;
  return () => {
    if (--userLoads === 0) idleWaiters.splice(0).forEach((f) => f());
  };
}

/**
 * Load the sample, or the data sets the page URL names in its place, then
 * apply the start link (its area needs the data's area names). A load the user
 * starts meanwhile (Reset to sample, an import) wins over the linked data; the
 * start link is then applied to theirs. If it fails, the linked data loads.
 */
export async function loadStartData(load: (files: InputFiles) => Promise<LoadResult | null>): Promise<void> {
  // Only this function and the loads the user starts (import, project, sample) set app.loaded, and this one only below.
  const got: { linked: LinkedText[]; kept: StoredData | null } = { linked: [], kept: null };
  const outcome = await runStartSequence({
    sampleFiles: loadSampleFiles,
    // The linked-data code is fetched only for a link that may name data.
    linked: async () => {
      const l = mayLinkData(location.search, location.hash)
        ? await (await import('./data-urls')).loadLinkedData(location.search, location.href, {}, location.hash)
        : { texts: [], errors: [] };
      got.linked = l.texts;
      return l;
    },
    // Own data kept in this browser; not inside someone's embed, which shows the host's data.
    stored: async () => {
      if (embedMode.embed) return null;
      const r = await ownStore.loadData(); // a store that cannot be opened has nothing kept
      got.kept = r.ok ? r.value : null;
      return got.kept && withOwn({}, got.kept.inputs);
    },
    load,
    userShown: () => app.loaded !== null,
    userIdle: () => new Promise((r) => (userLoads ? idleWaiters.push(r) : r())),
  });
  if (outcome.shown === 'start') {
    if (outcome.errors.length) app.loadError = outcome.errors.join(' · ');
    app.loaded = outcome.result;
    app.dataOrigin = outcome.replaced.length > 0 ? 'own' : 'sample';
    if (outcome.kept && got.kept) {
      own.inputs = got.kept.inputs;
      own.loadedAt = got.kept.loadedAt;
      // An address without a view (a new tab, a browser restart) reopens the view kept with the data.
      const view = Object.keys(startFromAddress().link.state).length === 0 ? await ownStore.loadView() : null;
      if (view?.ok && view.value) {
        await loadLinkReader().catch(() => undefined); // not fetched: readLink says the kept view is ignored
        startState = readLink(view.value, { knownLayers: LAYER_ORDER }).state;
      }
    } else {
      // Kept data that was tried (nothing linked) and did not load: the banner offers to forget it.
      if (got.kept && got.linked.length === 0) own.problem = { kind: 'restore' };
      if (outcome.replaced.length > 0) linkedSample = outcome.result;
      own.inputs = got.linked
        .filter((t) => outcome.replaced.includes(t.role))
        .map((t) => ({ role: t.role, file: t.name, blob: new Blob([t.text]), crs: 'wgs84' as const }));
    }
  }
  if (!app.loaded) return;
  const { patch, warnings } = patchOfLink(startState, areaNames(), LAYER_ORDER);
  warnAll(warnings);
  // Made on own data this page does not hold: its view and halls would land on other data
  // (an empty map, "+0"). The notice says so; the address keeps the link until it is resolved.
  const foreign = startState.data !== undefined && startState.data !== own.id;
  // The scenarios kept in this browser come back first (not inside someone's embed);
  // a link's scenario and halls then apply to them: a link without proposed halls,
  // or with the first ones of those its scenario keeps, reopens the kept ones.
  const lang = startState.lang ?? app.lang;
  const keeps = !embedMode.embed && keepsScenarios();
  if (keeps || (!foreign && startState.scenario !== undefined)) await loadScenarioCode();
  planning.reset(scenarioName(lang, 1));
  if (!(keeps && scenarioCode?.restoreKept(lang)) && !embedMode.embed) {
    planning.addAll(loadProposed(), STRINGS[lang].tools.proposedName);
  }
  if (foreign) {
    own.linkData = startState.data!;
    if (patch.lang) app.lang = patch.lang;
  } else {
    applyPatch(patch, false);
    // A link that carries them all keeps them, as a link's own halls do.
    if (startState.proposed && linkCarriesAll(planning.proposed.length)) planning.markSaved();
  }
  if (!foreign && embedMode.tools) showReport(startState.report === true, app.selectedArea);
  linkApplied = true;
}

/** Whether the start link (and any kept proposed halls) has been applied: only then may state be written back. */
export function startApplied(): boolean {
  return linkApplied;
}

/** The shareable state now (the start link until it has been applied). */
export function currentShare(): ShareState {
  if (!linkApplied || own.linkData) return startState;
  const area = app.selectedArea === null ? null : (app.loaded?.areas[app.selectedArea]?.name ?? null);
  const share = choicesToShare({
    view: app.view,
    choice: app.choice,
    radiusM: app.radiusM,
    // With roads, or while a link's walking request waits for them.
    ...(app.loaded?.roads || distanceLink.walkingWithoutRoads ? { distance: app.distance } : {}),
    ...(groupChoice.shown !== null ? { group: groupChoice.shown } : {}),
    area,
    lang: app.lang,
    layers: app.layers,
    proposed: planning.proposed.map((h) => ({ lng: h.lng, lat: h.lat, services: h.services })),
    // Named only when there is a choice: one scenario and no "today" picked is what every link meant before.
    ...(planning.scenarios.length > 1 || planning.active === null ? { scenario: planning.activeScenario?.name ?? null } : {}),
    data: own.id,
  });
  const sets = linkedData();
  const shown = { ...share, report: report.open };
  return sets ? { ...shown, dataSets: sets } : shown;
}

/** A hand-edited hash: apply it like a start link. */
export function applyShare(s: ShareState): void {
  // Other data named (a link pasted into an open page): only a start loads data.
  if (encodeHash({ dataSets: s.dataSets }) !== encodeHash({ dataSets: linkedData() })) return location.reload();
  const { patch, warnings } = patchOfLink(s, areaNames(), LAYER_ORDER);
  warnAll(warnings);
  if (patch.scenario !== undefined && !scenarioCode) void loadScenarioCode().then(() => applyPatch(patch, false));
  else applyPatch(patch, false);
  // The report a link asks for, for the link's area when it names one.
  if (embedMode.tools) showReport(s.report === true, app.selectedArea);
}

/** A command from the host page. */
export function applyCommand(m: SetMessage): void {
  const { patch, warnings } = commandToPatch(m, areaNames());
  warnAll(warnings);
  applyPatch(patch, true);
}

/** What the host is told, once numbers for the applied link are on screen. */
export function currentSnapshot(): EmbedSnapshot | null {
  const r = app.result;
  if (!linkApplied || !r) return null;
  // Numbers still for choices made before the link was applied (data the user loaded
  // during start-up was computed at the default radius): wait for the link's own.
  if (r.stats.radius_m !== app.radiusM || [...r.stats.services].sort().join() !== [...app.services].sort().join()) return null;
  const area = app.selectedArea === null ? null : (app.loaded?.areas[app.selectedArea]?.name ?? null);
  return snapshotOf(r.stats, area);
}

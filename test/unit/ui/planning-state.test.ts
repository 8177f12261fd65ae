import { describe, expect, it } from 'vitest';
import { planning, proposedLabel } from '../../../src/ui/planning/planning.svelte';
import { PROPOSED_MAX } from '../../../src/core/limits';
import {
  activateNamed,
  createScenario,
  deleteScenario,
  duplicateScenario,
  renameScenario,
  restoreScenarios,
  scenarioSnapshot,
} from '../../../src/ui/planning/scenarios.svelte';

describe('planning state', () => {
  it('adds halls with fresh ids and sorted services, labelled by number unless named; moves, re-services and removes them by id', () => {
    planning.reset();
    const a = planning.add(113.9, 22.7, ['psych-support', 'legal-aid'])!;
    const b = planning.add(113.95, 22.75, ['petition'], '候选 7')!;
    expect(b.id).toBeGreaterThan(a.id);
    expect(a.services).toEqual(['legal-aid', 'psych-support']);
    expect(proposedLabel(a, (n) => `拟建 ${n}`)).toBe(`拟建 ${a.id}`);
    expect(proposedLabel(a, (n) => `Proposed ${n}`)).toBe(`Proposed ${a.id}`);
    expect(proposedLabel(b, (n) => `拟建 ${n}`)).toBe('候选 7');
    planning.move(a.id, 113.91, 22.71);
    planning.setServices(b.id, ['psych-support', 'petition']);
    expect(planning.proposed.map((h) => [h.id, h.lng, h.lat, h.services])).toEqual([
      [a.id, 113.91, 22.71, ['legal-aid', 'psych-support']],
      [b.id, 113.95, 22.75, ['petition', 'psych-support']],
    ]);
    planning.remove(a.id);
    expect(planning.proposed.map((h) => h.id)).toEqual([b.id]);
  });
  it('never reuses an id after a removal or a reset', () => {
    planning.reset();
    const a = planning.add(113.9, 22.7, [])!;
    planning.remove(a.id);
    planning.reset();
    expect(planning.add(113.9, 22.7, [])!.id).toBeGreaterThan(a.id);
    expect(planning.proposed).toHaveLength(1);
    planning.reset();
    expect(planning.proposed).toEqual([]);
    expect(planning.plan).toBeNull();
  });
  it('keeps the proposed halls when other data is loaded, and drops the suggestion and numbers made on the old data', () => {
    planning.reset();
    const a = planning.add(113.9, 22.7, ['petition'])!;
    planning.suggestion = {
      request: { radiusM: 500, service: 'petition', count: 1, areaIndex: null },
      sites: [],
      population: 0,
      baselineCovered: 0,
      candidateCount: 0,
    };
    planning.kept = [1];
    planning.error = 'old';
    planning.dataChanged();
    expect(planning.proposed.map((h) => h.id)).toEqual([a.id]);
    expect([planning.suggestion, planning.plan, planning.kept, planning.error]).toEqual([null, null, [], '']);
  });
  it('counts as saved only the halls an export wrote: one moved meanwhile stays unsaved', () => {
    planning.reset();
    const a = planning.add(113.9, 22.7, ['petition'])!;
    expect(planning.unsaved).toBe(true);
    const sent = planning.proposed.map((h) => ({ ...h }));
    planning.move(a.id, 113.95, 22.75); // dragged while the file was being made
    planning.markSaved(sent);
    expect(planning.unsaved).toBe(true);
    planning.markSaved();
    expect(planning.unsaved).toBe(false);
  });
  it('holds at most PROPOSED_MAX proposed halls, however they are added, and says when it is full', () => {
    planning.reset();
    const many = Array.from({ length: PROPOSED_MAX + 5 }, (_, i) => ({ lng: 113.9 + i * 1e-5, lat: 22.7, services: ['petition'], name: i === 0 ? '甲' : '' }));
    const added = planning.addAll(many, (id) => `拟建 ${id}`);
    expect(added).toHaveLength(PROPOSED_MAX);
    expect(planning.proposed).toHaveLength(PROPOSED_MAX);
    expect(planning.proposed.map((h) => h.lng)).toEqual(many.slice(0, PROPOSED_MAX).map((h) => h.lng));
    expect(planning.proposed[0].name).toBe('甲');
    expect(planning.proposed[1].name).toBe(`拟建 ${planning.proposed[1].id}`);
    expect(planning.full).toBe(true);
    expect(planning.add(113.9, 22.7, [])).toBeNull();
    expect(planning.proposed).toHaveLength(PROPOSED_MAX);
    planning.remove(planning.proposed[0].id);
    expect(planning.full).toBe(false);
    expect(planning.add(113.9, 22.7, [])).not.toBeNull();
    planning.reset();
  });
});

describe('planning scenarios', () => {
  it('each scenario keeps its own halls; switching swaps the live list; today holds none and takes none', () => {
    planning.reset('方案 1');
    const first = planning.active!;
    const a = planning.add(113.9, 22.7, ['petition'])!;
    const b = createScenario('方案 2')!;
    expect(planning.active).toBe(b.key);
    expect(planning.proposed).toEqual([]);
    const c = planning.add(113.95, 22.75, ['legal-aid'])!;
    expect(c.id).toBeGreaterThan(a.id);
    planning.activate(first);
    expect(planning.proposed.map((h) => h.id)).toEqual([a.id]);
    expect(planning.hallsOf(b.key).map((h) => h.id)).toEqual([c.id]);
    planning.activate(null);
    expect(planning.proposed).toEqual([]);
    expect(planning.full).toBe(true);
    expect(planning.add(113.9, 22.7, [])).toBeNull();
    expect(planning.hallsOf(first).map((h) => h.id)).toEqual([a.id]);
  });

  it('duplicates (fresh ids, other fields kept), renames (names unique) and deletes; deleting the active one activates today', () => {
    planning.reset('方案 1');
    const first = planning.active!;
    const [a] = planning.addAll([{ lng: 113.9, lat: 22.7, services: ['petition'], name: 'A', capacity: 800 }]);
    const copy = duplicateScenario(first, '方案 2')!;
    expect(planning.active).toBe(copy.key);
    expect(planning.proposed).toHaveLength(1);
    expect(planning.proposed[0]).toMatchObject({ lng: 113.9, name: 'A', capacity: 800 });
    expect(planning.proposed[0].id).not.toBe(a.id);
    expect(createScenario('方案 1')).toBeNull();
    expect(renameScenario(copy.key, '方案 1')).toBe(false);
    expect(renameScenario(copy.key, '北片')).toBe(true);
    expect(planning.activeScenario?.name).toBe('北片');
    deleteScenario(copy.key);
    expect(planning.active).toBeNull();
    expect(planning.scenarios.map((s) => s.name)).toEqual(['方案 1']);
  });

  it("snapshot and restore give back the same scenarios, the active one's live halls included", () => {
    planning.reset('方案 1');
    planning.add(113.9, 22.7, ['petition'], 'A');
    createScenario('B');
    planning.add(113.95, 22.75, ['legal-aid'], 'C');
    const set = scenarioSnapshot();
    expect(set).toEqual({
      scenarios: [
        { name: '方案 1', halls: [{ lng: 113.9, lat: 22.7, services: ['petition'], name: 'A' }] },
        { name: 'B', halls: [{ lng: 113.95, lat: 22.75, services: ['legal-aid'], name: 'C' }] },
      ],
      active: 1,
    });
    planning.reset('x');
    restoreScenarios(set);
    expect(scenarioSnapshot()).toEqual(set);
    expect(planning.activeScenario?.name).toBe('B');
  });

  it("a link's scenario name activates that scenario, or makes it empty; null activates today", () => {
    planning.reset('方案 1');
    activateNamed('北片');
    expect(planning.scenarios.map((s) => s.name)).toEqual(['方案 1', '北片']);
    expect(planning.activeScenario?.name).toBe('北片');
    activateNamed('方案 1');
    expect(planning.activeScenario?.name).toBe('方案 1');
    activateNamed(null);
    expect(planning.active).toBeNull();
  });
});

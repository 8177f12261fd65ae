import { describe, expect, it } from 'vitest';
import { planning, proposedLabel } from '../../../src/ui/planning/planning.svelte';
import { PROPOSED_MAX } from '../../../src/core/limits';

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
    planning.suggestion = { request: { radiusM: 500, service: 'petition', count: 1, areaIndex: null }, sites: [], population: 0, baselineCovered: 0, candidateCount: 0 };
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

// What-if loads: every hall's load with the proposed halls in place, kept by
// IncrementalLoads (one per service) for the current radius and services, so
// an edit costs only the units near the hall that moved. Part of the planning
// code (loaded on first use). In walking mode a proposed hall's catchment is a
// shortest-path search, which IncrementalLoads' circles cannot keep: the loads
// are counted afresh from an engine with the proposed halls as real ones
// (recountedLoads), the same numbers its capacity analysis gives.
import type { CoverageEngine } from '../coverage/engine';
import { unitCells } from '../geo/nearest-hall';
import { unitCosines } from '../geo/units-within';
import { IncrementalLoads, type LoadUnits } from './incremental-loads';
import { hallCapacity } from '../coverage/hall-capacity';
import type { PlanHallLoad, PlanRequest } from './plan-types';
import { hallLoads } from '../coverage/capacity';
import type { ScenarioEngines } from './scenario-compare';

interface Service {
  loads: IncrementalLoads;
  before: Map<number, number>; // loads of the loaded halls alone
  placed: Map<number, string>; // proposed id → "lng,lat" as placed
}

export class PlanLoads {
  private key = '';
  private services = new Map<string, Service>();
  private units: LoadUnits | null = null;

  constructor(private readonly engine: CoverageEngine) {}

  /**
   * The proposed halls' loads and the loaded halls whose load they change,
   * per requested service; null without capacity analysis (no capacities in
   * the data and none typed).
   */
  loads(req: PlanRequest, services: string[]): PlanHallLoad[] | null {
    const e = this.engine;
    const capacity = hallCapacity(e.halls, req.capacity);
    if (!capacity) return null;
    this.reset(
      req.radiusM,
      services.filter((s) => e.services.includes(s)),
    );
    const out: PlanHallLoad[] = [];
    for (const [s, svc] of this.services) {
      this.sync(svc, req, s);
      for (const h of svc.loads.changedSince(svc.before)) {
        const c = capacity[h];
        out.push({ service: s, hall: h, proposedId: null, capacity: Number.isFinite(c) ? c : null, baseline: svc.before.get(h) ?? 0, load: svc.loads.load(h) });
      }
      for (const p of req.proposed) {
        if (!p.services.includes(s)) continue;
        // A proposed hall's capacity: its own, else the typed one for data without capacities, else unlimited.
        const c = p.capacity ?? (e.halls.capacity === undefined ? (req.capacity ?? null) : null);
        out.push({ service: s, hall: -1, proposedId: p.id, capacity: c ?? null, baseline: 0, load: svc.loads.proposedLoad(p.id) });
      }
    }
    return out;
  }

  /**
   * loads() counted afresh: every hall's load from `engines.get(proposed)`
   * (the loaded halls, then the proposed ones, as real halls), against the
   * loaded halls' own; for engines whose distance IncrementalLoads cannot keep.
   */
  recountedLoads(req: PlanRequest, services: string[], engines: ScenarioEngines): PlanHallLoad[] | null {
    const e = this.engine;
    const capacity = hallCapacity(e.halls, req.capacity);
    if (!capacity) return null;
    const H = e.halls.count;
    const withProposed = engines.get(req.proposed);
    const w = e.population.weight;
    const out: PlanHallLoad[] = [];
    for (const s of services.filter((x) => e.services.includes(x))) {
      const before = hallLoads(w, e.nearest(s), e.nearestHall(s), req.radiusM, H);
      const after = hallLoads(w, withProposed.nearest(s), withProposed.nearestHall(s), req.radiusM, withProposed.halls.count);
      for (let h = 0; h < H; h++) {
        if (after[h] === before[h]) continue;
        const c = capacity[h];
        out.push({ service: s, hall: h, proposedId: null, capacity: Number.isFinite(c) ? c : null, baseline: before[h], load: after[h] });
      }
      req.proposed.forEach((p, k) => {
        if (!p.services.includes(s)) return;
        const c = p.capacity ?? (e.halls.capacity === undefined ? (req.capacity ?? null) : null);
        out.push({ service: s, hall: -1, proposedId: p.id, capacity: c ?? null, baseline: 0, load: after[H + k] });
      });
    }
    return out;
  }

  // New radius or services: start again from the loaded halls.
  private reset(radiusM: number, services: string[]): void {
    const key = `${radiusM}|${services.join('\u0000')}`;
    if (key === this.key) return;
    const e = this.engine;
    const p = e.population;
    this.units ??= { lng: p.lng, lat: p.lat, weight: p.weight, cos: unitCosines(p.lat), cells: unitCells(p.lng, p.lat, e.halls.count) };
    this.services.clear();
    for (const s of services) {
      const loads = new IncrementalLoads(
        this.units,
        { hallLng: e.halls.lng, hallLat: e.halls.lat, nearestM: e.nearest(s), nearestHall: e.nearestHall(s) },
        radiusM,
      );
      this.services.set(s, { loads, before: loads.snapshot(), placed: new Map() });
    }
    this.key = key;
  }

  // Bring one service's loads to exactly the requested proposed halls offering it.
  private sync(svc: Service, req: PlanRequest, s: string): void {
    const wanted = new Map(req.proposed.filter((h) => h.services.includes(s)).map((h) => [h.id, h]));
    for (const id of [...svc.placed.keys()]) {
      if (wanted.has(id)) continue;
      svc.loads.remove(id);
      svc.placed.delete(id);
    }
    for (const h of wanted.values()) {
      const at = `${h.lng},${h.lat}`;
      if (svc.placed.get(h.id) === at) continue;
      svc.loads.set(h.id, h.lng, h.lat);
      svc.placed.set(h.id, at);
    }
  }
}

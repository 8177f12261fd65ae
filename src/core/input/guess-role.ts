// Which input a file most likely is (halls, population or areas), from every
// signal a FieldSummary gives: geometry, field names, field types and value
// ranges. Each signal that speaks for a role is kept as its reason, so the
// import dialog can say why it guessed what it did. Files picked together are
// then given distinct roles where their signals allow it (assignRoles).
import { DATA_ROLES, type DataRole } from '../types';
import type { FieldSummary } from './detect-fields';

/** One observation that speaks for a role. */
export type RoleSignal =
  | { kind: 'points' | 'polygons' | 'csv' }
  /** Arrays of strings or text, named like services or naming known services. */
  | { kind: 'services'; field: string; known: boolean }
  /** A numeric field, never negative, named like a number of people. */
  | { kind: 'people'; field: string }
  /** A numeric field, never negative, with another name: weaker evidence of people. */
  | { kind: 'number'; field: string }
  /** A text field named like a name (an area needs one). */
  | { kind: 'name'; field: string }
  /** No numeric field at all: nothing to count people with. */
  | { kind: 'no-number' };

/** A role's evidence: score 0 means the role is impossible for this geometry. */
export interface RoleEvidence {
  score: number;
  reasons: RoleSignal[];
}

export interface RoleGuess {
  role: DataRole;
  evidence: Record<DataRole, RoleEvidence>;
}

const SERVICES_NAME = /servic|服务|业务/i;
const PEOPLE_NAME = /popul|^pop$|people|person|inhabit|resident|人口|人数|居民/i;
const NAME_NAME = /name|名/i;

// Weights: geometry decides what is possible and tips ties; a field named and
// typed for one role outweighs it. CSV is read only as halls.
const W = { geometry: 1, csv: 10, services: 4, knownServices: 1, people: 4, number: 1, name: 2, noNumber: 1 };

/** The evidence for each role, and the best-supported role (ties: halls, then population, then areas). */
export function guessRole(s: FieldSummary): RoleGuess {
  const ev: Record<DataRole, RoleEvidence> = { halls: { score: 0, reasons: [] }, population: { score: 0, reasons: [] }, areas: { score: 0, reasons: [] } };
  const add = (role: DataRole, w: number, r: RoleSignal) => {
    ev[role].score += w;
    ev[role].reasons.push(r);
  };
  if (s.kind === 'csv') add('halls', W.csv, { kind: 'csv' });
  if (s.kind === 'points' || s.kind === 'mixed') {
    add('halls', W.geometry, { kind: 'points' });
    add('population', W.geometry, { kind: 'points' });
  }
  if (s.kind === 'polygons' || s.kind === 'mixed') {
    add('population', W.geometry, { kind: 'polygons' });
    add('areas', W.geometry, { kind: 'polygons' });
  }
  const canHalls = ev.halls.score > 0;
  const canPeople = ev.population.score > 0;
  const canAreas = ev.areas.score > 0;

  const textual = [...s.stringFields, ...s.listFields];
  const services = textual.find((f) => s.knownServiceFields.includes(f)) ?? textual.find((f) => SERVICES_NAME.test(f));
  if (canHalls && services !== undefined) {
    const known = s.knownServiceFields.includes(services);
    add('halls', W.services + (known ? W.knownServices : 0), { kind: 'services', field: services, known });
  }
  // A count of people is never negative: a field with a negative value is something else.
  const counts = s.numericFields.filter((_, k) => s.numericRanges[k][0] >= 0);
  const people = counts.find((f) => PEOPLE_NAME.test(f));
  if (canPeople && people !== undefined) add('population', W.people, { kind: 'people', field: people });
  else if (canPeople && counts.length > 0) add('population', W.number, { kind: 'number', field: counts[0] });
  if (canHalls && s.kind !== 'csv' && s.numericFields.length === 0) add('halls', W.noNumber, { kind: 'no-number' });
  const name = s.stringFields.find((f) => f.toLowerCase() === 'name') ?? s.stringFields.find((f) => NAME_NAME.test(f));
  if (canAreas && name !== undefined) add('areas', W.name, { kind: 'name', field: name });

  const role = DATA_ROLES.reduce((best, r) => (ev[r].score > ev[best].score ? r : best), 'halls' as DataRole);
  return { role, evidence: ev };
}

/**
 * A file may be given another role than its own best only when that role has
 * evidence beyond geometry: a population file is never turned into halls just
 * because two population files were picked.
 */
const SUPPORTED = W.geometry + W.name;

/**
 * Roles for files picked together: the assignment with distinct roles and the
 * highest total score, using for each file its best role or one with evidence
 * beyond geometry. When no such assignment exists (two files that are both
 * clearly population, or more than three files), each file keeps its best
 * role, and the dialog refuses the duplicate when loading.
 */
export function assignRoles(guesses: readonly RoleGuess[]): DataRole[] {
  const best = guesses.map((g) => g.role);
  if (guesses.length > DATA_ROLES.length) return best;
  // Each file's own best first, so an equal total keeps the files' own guesses.
  const allowed = guesses.map((g) => [g.role, ...DATA_ROLES.filter((r) => r !== g.role && g.evidence[r].score >= SUPPORTED)]);
  let top: { roles: DataRole[]; score: number } | null = null;
  const walk = (k: number, roles: DataRole[], score: number) => {
    if (k === guesses.length) {
      if (!top || score > top.score) top = { roles: [...roles], score };
      return;
    }
    for (const r of allowed[k]) if (!roles.includes(r)) walk(k + 1, [...roles, r], score + guesses[k].evidence[r].score);
  };
  walk(0, [], 0);
  return (top as { roles: DataRole[] } | null)?.roles ?? best;
}

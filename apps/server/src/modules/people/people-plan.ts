import type { ImportChange, ImportSummary } from '@pantau/contracts';
import type { JabatanType, JenisAsn } from '@pantau/domain';
import type { RowProblem } from './people-rows.js';
import type { UnitIndex } from './people-units.js';

/** What an import reads from the database (Snapshot) and what it will write (Plan). */

export interface ExistingEmployee {
  id: number;
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: JenisAsn;
  golongan: string | null;
  active: boolean;
}

export interface OpenAssignment {
  id: number;
  employeeId: number;
  positionId: number;
  kind: 'DEFINITIF' | 'PLT' | 'PLH';
  validFrom: string;
  validTo: string | null;
}

export interface PositionRow {
  id: number;
  unitId: number;
  name: string;
  type: JabatanType;
  parentPositionId: number | null;
}

export interface Snapshot {
  today: string;
  units: UnitIndex;
  employees: readonly ExistingEmployee[];
  positions: readonly PositionRow[];
  /** Assignments of the instansi still in force today or later (valid_to null or ≥ today). */
  openAssignments: readonly OpenAssignment[];
  /** NIPs of the file that belong to another instansi. */
  otherInstansiNips: ReadonlySet<string>;
}

export interface NewSlot {
  tempId: number;
  unitId: number;
  name: string;
  type: JabatanType;
  parentId: number | null;
  isHead: boolean;
  depth: number;
}

export interface EmployeeValues {
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: JenisAsn;
  golongan: string | null;
}

export interface FieldChange {
  column: NonNullable<ImportChange['fields']>[number]['column'];
  old: string | null;
  new: string | null;
}

/** A change of definitive post: end `current` (or re-point it when it began today), open the new one. */
export interface Move {
  slotId: number;
  current: OpenAssignment | null;
  /** End of the new assignment: the day before a definitive post already scheduled later, if any. */
  validTo: string | null;
}

export interface EmployeeCreate {
  nip: string;
  values: EmployeeValues;
  slotId: number;
}

export interface EmployeeUpdate {
  employeeId: number;
  nip: string;
  values: EmployeeValues & { active: boolean };
  fields: FieldChange[];
  move: Move | null;
}

export interface Leaver {
  employeeId: number;
  nip: string;
  assignments: OpenAssignment[];
}

export interface Plan {
  problems: RowProblem[];
  changes: ImportChange[];
  summary: ImportSummary;
  newSlots: NewSlot[];
  typeUpdates: Map<number, JabatanType>;
  creates: EmployeeCreate[];
  updates: EmployeeUpdate[];
  leavers: Leaver[];
}

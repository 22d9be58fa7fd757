import { and, eq, gte, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { JabatanType } from '@pantau/domain';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { assignments, employees, orgUnits, positions } from '../../db/schema/index.js';
import type { EmployeeValues, ExistingEmployee, NewSlot, OpenAssignment, PositionRow } from './people-plan.js';
import { normaliseName, type UnitRow } from './people-units.js';

/** Largest batch per statement (also keeps bind parameters far below PostgreSQL's 65,535). */
export const BATCH = 1000;

function chunks<T>(list: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export interface ExportRow {
  id: number;
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: 'PNS' | 'PPPK';
  golongan: string | null;
  jabatan: string | null;
  type: JabatanType | null;
  unitId: number | null;
  atasanNip: string | null;
}

/**
 * Set-based reads and writes for the people import: every statement handles a whole batch,
 * so the cost of an import grows with the number of batches, not of rows.
 */
export function peopleRepository(db: DbOrTx) {
  return {
    /** Serialises imports of one instansi for the rest of the transaction. */
    async lockImports(instansiId: number) {
      await db.execute(sql`select pg_advisory_xact_lock(20260101, ${instansiId})`);
    },

    async units(instansiId: number): Promise<UnitRow[]> {
      return db
        .select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name, path: orgUnits.path, active: orgUnits.active })
        .from(orgUnits)
        .where(eq(orgUnits.instansiId, instansiId));
    },

    async positions(instansiId: number): Promise<PositionRow[]> {
      return db
        .select({ id: positions.id, unitId: positions.unitId, name: positions.name, type: positions.type, parentPositionId: positions.parentPositionId })
        .from(positions)
        .where(eq(positions.instansiId, instansiId));
    },

    async employees(instansiId: number): Promise<ExistingEmployee[]> {
      return db
        .select({
          id: employees.id,
          nip: employees.nip,
          name: employees.name,
          gelarDepan: employees.gelarDepan,
          gelarBelakang: employees.gelarBelakang,
          jenisAsn: employees.jenisAsn,
          golongan: employees.golongan,
          active: employees.active,
        })
        .from(employees)
        .where(eq(employees.instansiId, instansiId));
    },

    async openAssignments(instansiId: number, today: string): Promise<OpenAssignment[]> {
      return db
        .select({
          id: assignments.id,
          employeeId: assignments.employeeId,
          positionId: assignments.positionId,
          kind: assignments.kind,
          validFrom: assignments.validFrom,
          validTo: assignments.validTo,
        })
        .from(assignments)
        .where(and(eq(assignments.instansiId, instansiId), or(isNull(assignments.validTo), gte(assignments.validTo, today))));
    },

    async nipsOfOtherInstansi(instansiId: number, nips: readonly string[]): Promise<Set<string>> {
      if (nips.length === 0) return new Set();
      const found = await db
        .select({ nip: employees.nip })
        .from(employees)
        .where(and(ne(employees.instansiId, instansiId), inArray(employees.nip, [...nips])));
      return new Set(found.map((r) => r.nip));
    },

    /** Inserts new slots level by level (a parent before its children); returns temp id → real id. */
    async insertSlots(instansiId: number, slots: readonly NewSlot[]): Promise<Map<number, number>> {
      const ids = new Map<number, number>();
      const real = (id: number | null) => (id === null ? null : id < 0 ? (ids.get(id) ?? null) : id);
      const depths = [...new Set(slots.map((s) => s.depth))].sort((a, b) => a - b);
      for (const depth of depths) {
        for (const batch of chunks(slots.filter((s) => s.depth === depth))) {
          const values = batch.map((s) => ({
            instansiId,
            unitId: s.unitId,
            name: s.name,
            type: s.type,
            parentPositionId: real(s.parentId),
            isHead: s.isHead,
          }));
          const inserted = await db
            .insert(positions)
            .values(values)
            .returning({ id: positions.id, unitId: positions.unitId, name: positions.name, parentPositionId: positions.parentPositionId });
          // Matched by content, not by position in RETURNING: (unit, name, parent) is unique among new slots.
          const key = (unitId: number, name: string, parent: number | null) => `${unitId}|${normaliseName(name)}|${parent ?? 0}`;
          const byKey = new Map(inserted.map((p) => [key(p.unitId, p.name, p.parentPositionId), p.id]));
          for (const s of batch) {
            const id = byKey.get(key(s.unitId, s.name, real(s.parentId)));
            if (id === undefined) throw new Error('inserted position not returned');
            ids.set(s.tempId, id);
          }
        }
      }
      return ids;
    },

    async setSlotTypes(updates: ReadonlyMap<number, JabatanType>) {
      const byType = new Map<JabatanType, number[]>();
      for (const [id, type] of updates) byType.set(type, [...(byType.get(type) ?? []), id]);
      for (const [type, ids] of byType) {
        await db.update(positions).set({ type }).where(inArray(positions.id, ids));
      }
    },

    async insertEmployees(instansiId: number, list: ReadonlyArray<{ nip: string; values: EmployeeValues }>): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const batch of chunks(list)) {
        const inserted = await db
          .insert(employees)
          .values(batch.map((c) => ({ instansiId, nip: c.nip, ...c.values })))
          .returning({ id: employees.id, nip: employees.nip });
        for (const e of inserted) ids.set(e.nip, e.id);
      }
      return ids;
    },

    async updateEmployees(list: ReadonlyArray<{ id: number; values: EmployeeValues & { active: boolean } }>) {
      for (const batch of chunks(list)) {
        const json = JSON.stringify(
          batch.map((u) => ({
            id: u.id,
            name: u.values.name,
            gelar_depan: u.values.gelarDepan,
            gelar_belakang: u.values.gelarBelakang,
            jenis_asn: u.values.jenisAsn,
            golongan: u.values.golongan,
            active: u.values.active,
          })),
        );
        await db.execute(sql`
          update employees e set name = v.name, gelar_depan = v.gelar_depan, gelar_belakang = v.gelar_belakang,
                 jenis_asn = v.jenis_asn::jenis_asn, golongan = v.golongan, active = v.active, updated_at = now()
          from jsonb_to_recordset(${json}::jsonb)
               as v(id int, name text, gelar_depan text, gelar_belakang text, jenis_asn text, golongan text, active boolean)
          where e.id = v.id`);
      }
    },

    async deactivateEmployees(ids: readonly number[]) {
      for (const batch of chunks(ids)) {
        await db.update(employees).set({ active: false, updatedAt: sql`now()` }).where(inArray(employees.id, batch));
      }
    },

    async endAssignments(ids: readonly number[], validTo: string) {
      for (const batch of chunks(ids)) {
        await db.update(assignments).set({ validTo }).where(inArray(assignments.id, batch));
      }
    },

    async deleteAssignments(ids: readonly number[]) {
      for (const batch of chunks(ids)) {
        await db.delete(assignments).where(inArray(assignments.id, batch));
      }
    },

    async repointAssignments(list: ReadonlyArray<{ id: number; positionId: number }>) {
      for (const batch of chunks(list)) {
        const json = JSON.stringify(batch.map((a) => ({ id: a.id, position_id: a.positionId })));
        await db.execute(sql`
          update assignments a set position_id = v.position_id
          from jsonb_to_recordset(${json}::jsonb) as v(id int, position_id int)
          where a.id = v.id`);
      }
    },

    async insertDefinitive(
      instansiId: number,
      list: ReadonlyArray<{ employeeId: number; positionId: number; validFrom: string; validTo: string | null }>,
    ): Promise<Map<number, number>> {
      const ids = new Map<number, number>();
      for (const batch of chunks(list)) {
        const inserted = await db
          .insert(assignments)
          .values(batch.map((a) => ({ instansiId, kind: 'DEFINITIF' as const, ...a })))
          .returning({ id: assignments.id, employeeId: assignments.employeeId });
        for (const a of inserted) ids.set(a.employeeId, a.id);
      }
      return ids;
    },

    /**
     * Active employees in `scope` (a condition on alias e) with their definitive post today and
     * the NIP of whoever holds the parent post definitively today; ordered by unit, then name.
     */
    async exportRows(instansiId: number, date: string, scope: SQL): Promise<ExportRow[]> {
      const inForce = (alias: 'a' | 'a2') => {
        const a = sql.raw(alias);
        return sql`${a}.kind = 'DEFINITIF' and ${a}.valid_from <= ${date}::date and (${a}.valid_to is null or ${a}.valid_to >= ${date}::date)`;
      };
      return rows<ExportRow>(
        db,
        sql`select e.id, e.nip, e.name, e.gelar_depan as "gelarDepan", e.gelar_belakang as "gelarBelakang",
                   e.jenis_asn as "jenisAsn", e.golongan, p.name as jabatan, p.type, p.unit_id as "unitId",
                   (select e2.nip from assignments a2 join employees e2 on e2.id = a2.employee_id
                     where a2.position_id = p.parent_position_id and ${inForce('a2')}
                     order by a2.valid_from desc, e2.id limit 1) as "atasanNip"
            from employees e
            left join lateral (
              select a.position_id from assignments a where a.employee_id = e.id and ${inForce('a')}
              order by a.valid_from desc limit 1
            ) cur on true
            left join positions p on p.id = cur.position_id
            left join org_units u on u.id = p.unit_id
            where e.instansi_id = ${instansiId} and e.active and ${scope}
            order by u.path nulls last, e.name, e.nip`,
      );
    },
  };
}

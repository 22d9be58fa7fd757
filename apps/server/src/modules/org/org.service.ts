import { and, eq, sql } from 'drizzle-orm';
import type { UnitKind } from '@pantau/contracts';
import type { z } from 'zod';
import type { CreateAssignmentBody, CreateUnitBody, EmployeeListQuery } from '@pantau/contracts';
import { pangkatFor } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { assignments, orgUnits } from '../../db/schema/index.js';
import { forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit, recordRead } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { accessRepository } from './access.repository.js';
import { orgRepository, type EmployeeRow } from './org.repository.js';
import { displayName } from './names.js';

const sqlTrue = () => sql`true`;

export interface OrgDeps {
  db: Db;
  clock: Clock;
}

export function createOrgService({ db, clock }: OrgDeps) {
  const repo = orgRepository(db);
  const access = accessRepository(db);
  const today = () => wibDate(clock.now());

  function requireInstansi(actor: Actor): number {
    if (actor.instansiId === null) throw notFound();
    return actor.instansiId;
  }

  async function summaries(instansiId: number, rows: EmployeeRow[], date: string) {
    const sup = await repo.supervisorsOn(rows.map((r) => r.id), date);
    const supIds = [...new Set([...sup.values()].map((s) => s.supervisorId))];
    const supRows = supIds.length
      ? (await repo.listEmployees({ instansiId, date, where: sqlTrue(), ids: supIds, limit: supIds.length, offset: 0 })).rows
      : [];
    const supName = new Map(supRows.map((r) => [r.id, displayName(r)]));
    return rows.map((r) => {
      const s = sup.get(r.id);
      return {
        id: r.id,
        nip: r.nip,
        name: displayName(r),
        jenisAsn: r.jenisAsn,
        golongan: r.golongan,
        positionName: r.positionName,
        unitId: r.unitId,
        unitName: r.unitName,
        supervisorId: s?.supervisorId ?? null,
        supervisorName: s ? (supName.get(s.supervisorId) ?? null) : null,
      };
    });
  }

  return {
    async listUnits(actor: Actor) {
      const instansiId = requireInstansi(actor);
      const units = await repo.listUnits(instansiId, today());
      return units.map(({ path: _path, ...u }) => ({ ...u, kind: u.kind as z.infer<typeof UnitKind> }));
    },

    async createUnit(actor: Actor, body: z.infer<typeof CreateUnitBody>, ctx: RequestContext) {
      const instansiId = requireInstansi(actor);
      let parent: typeof orgUnits.$inferSelect | undefined;
      if (body.parentId !== null) {
        parent = await repo.findUnit(instansiId, body.parentId);
        if (!parent) throw validation([{ path: 'body.parentId', code: 'invalid_value' }]);
      }
      const canAdmin =
        actor.roles.has('ADMIN_BKPSDM') ||
        (parent !== undefined && actor.roles.has('ADMIN_OPD') && (await adminCoversUnit(actor, parent.path)));
      if (!canAdmin) throw forbidden();
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(orgUnits)
          .values({
            instansiId,
            parentId: body.parentId,
            name: body.name,
            shortName: body.shortName ?? null,
            kind: body.kind,
            path: '/',
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        const path = `${parent?.path ?? '/'}${created.id}/`;
        const opdId = parent ? (parent.opdId ?? parent.id) : created.id;
        await tx.update(orgUnits).set({ path, opdId }).where(eq(orgUnits.id, created.id));
        await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'org_unit', entityId: created.id, newValues: { ...body } });
        return { ...created, path, opdId };
      });
    },

    async listEmployees(actor: Actor, query: z.infer<typeof EmployeeListQuery>) {
      const instansiId = requireInstansi(actor);
      const date = today();
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await repo.findUnit(instansiId, query.unitId);
        if (!unit) throw validation([{ path: 'querystring.unitId', code: 'invalid_value' }]);
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listEmployees({
        instansiId,
        date,
        where: access.scopeCondition(actor, date),
        q: query.q,
        unitPath,
        jenisAsn: query.jenisAsn,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        employees: await summaries(instansiId, rows, date),
        meta: { page: query.page, pageSize: query.pageSize, total },
      };
    },

    async getEmployee(actor: Actor, id: number, ctx: RequestContext) {
      const instansiId = requireInstansi(actor);
      const date = today();
      const visible = await access.readableEmployeeIds(actor, [id], date);
      if (!visible.has(id)) throw notFound();
      const emp = await repo.findEmployee(instansiId, id);
      if (!emp) throw notFound();
      // Personal data (birth date, contact) read by someone else is logged.
      if (actor.employeeId !== id) await recordRead(db, ctx, { entityType: 'employee', entityId: id, instansiId });
      const { rows } = await repo.listEmployees({ instansiId, date, where: sqlTrue(), ids: [id], limit: 1, offset: 0 });
      const [summary] = await summaries(instansiId, rows, date);
      if (!summary) throw notFound();
      return {
        ...summary,
        gelarDepan: emp.gelarDepan,
        gelarBelakang: emp.gelarBelakang,
        plainName: emp.name,
        pangkat: emp.jenisAsn === 'PNS' && emp.golongan ? (pangkatFor(emp.golongan) ?? null) : null,
        birthDate: emp.birthDate,
        sex: emp.sex,
        email: emp.email,
        active: emp.active,
        assignments: await repo.assignmentHistory(id),
      };
    },

    async supervisorOf(actor: Actor, id: number, date: string | undefined) {
      const instansiId = requireInstansi(actor);
      const on = date ?? today();
      const visible = await access.readableEmployeeIds(actor, [id], today());
      if (!visible.has(id)) throw notFound();
      const sup = (await repo.supervisorsOn([id], on)).get(id);
      if (!sup) return { date: on, supervisor: null, kind: null };
      const { rows } = await repo.listEmployees({ instansiId, date: on, where: sqlTrue(), ids: [sup.supervisorId], limit: 1, offset: 0 });
      const [summary] = await summaries(instansiId, rows, on);
      return { date: on, supervisor: summary ?? null, kind: sup.kind };
    },

    async addAssignment(actor: Actor, employeeId: number, body: z.infer<typeof CreateAssignmentBody>, ctx: RequestContext) {
      const instansiId = requireInstansi(actor);
      const visible = await access.readableEmployeeIds(actor, [employeeId], today());
      if (!visible.has(employeeId)) throw notFound();
      if (!actor.roles.has('ADMIN_BKPSDM') && !actor.roles.has('ADMIN_OPD')) throw forbidden();
      const position = await repo.findPosition(instansiId, body.positionId);
      if (!position) throw validation([{ path: 'body.positionId', code: 'invalid_value' }]);
      if (!actor.roles.has('ADMIN_BKPSDM')) {
        const unit = await repo.findUnit(instansiId, position.unitId);
        if (!unit || !(await adminCoversUnit(actor, unit.path))) throw forbidden();
      }
      const validTo = body.validTo ?? null;
      if (validTo !== null && validTo < body.validFrom) throw validation([{ path: 'body.validTo', code: 'DATE_RANGE' }]);
      return db.transaction(async (tx) => {
        if (body.kind === 'DEFINITIF') {
          // A new definitive post closes the open one the day before (transfer / promotion).
          const open = await tx
            .select()
            .from(assignments)
            .where(and(eq(assignments.employeeId, employeeId), eq(assignments.kind, 'DEFINITIF')));
          for (const a of open) {
            if (a.validFrom < body.validFrom && (a.validTo === null || a.validTo >= body.validFrom)) {
              const dayBefore = new Date(Date.parse(`${body.validFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
              await tx.update(assignments).set({ validTo: dayBefore }).where(eq(assignments.id, a.id));
              await recordAudit(tx, ctx, {
                action: 'assignment.close',
                entityType: 'assignment',
                entityId: a.id,
                oldValues: { validTo: a.validTo },
                newValues: { validTo: dayBefore },
              });
            }
          }
          const overlaps = await orgRepository(tx).definitiveOverlaps(employeeId, body.validFrom, validTo);
          if (overlaps.length > 0) throw validation([{ path: 'body.validFrom', code: 'OVERLAPPING_ASSIGNMENT' }]);
        }
        const [created] = await tx
          .insert(assignments)
          .values({
            instansiId,
            employeeId,
            positionId: body.positionId,
            kind: body.kind,
            validFrom: body.validFrom,
            validTo,
            decreeNumber: body.decreeNumber ?? null,
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        await recordAudit(tx, ctx, { action: 'assignment.create', entityType: 'assignment', entityId: created.id, newValues: created });
        return created;
      });
    },
  };

  async function adminCoversUnit(actor: Actor, unitPath: string): Promise<boolean> {
    if (actor.adminUnitIds.length === 0) return false;
    const instansiId = requireInstansi(actor);
    for (const id of actor.adminUnitIds) {
      const root = await repo.findUnit(instansiId, id);
      if (root && unitPath.startsWith(root.path)) return true;
    }
    return false;
  }
}


export type OrgService = ReturnType<typeof createOrgService>;

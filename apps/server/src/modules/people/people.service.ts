import type { ExportFormat, ImportMode, ImportResult, Locale } from '@pantau/contracts';
import type { Db, DbOrTx, Tx } from '../../db/open-db.js';
import { AppError, forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAuditBatch, recordRead, type AuditEvent } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import { dayBefore, planImport } from './people-diff.js';
import type { Plan } from './people-plan.js';
import { exportCells, toCsv, toXlsx } from './people-export.js';
import { mapHeader, PeopleFileError, readPeopleFile, type HeaderMap, type PeopleSheet, type SheetRow } from './people-file.js';
import { fileMessage, rowMessage, type FileMessageCode } from './people-messages.js';
import { validateRows } from './people-rows.js';
import { unitIndex } from './people-units.js';
import { peopleRepository } from './people.repository.js';

export interface PeopleDeps {
  db: Db;
  clock: Clock;
}

export interface UploadedFile {
  filename: string | undefined;
  data: Buffer;
}

export interface ImportRequest {
  mode: ImportMode;
  locale: Locale;
  /** Called only after the caller is known to be allowed to import. */
  readFile: () => Promise<UploadedFile | null>;
}

/** More rows than any kota has ASN (Lhokseumawe: about 6,700); bounds memory and time. */
export const MAX_DATA_ROWS = 20_000;

/**
 * Import of the employee roster from a SIASN-like CSV/XLSX, and export in the same columns.
 *
 * A commit is all or nothing: the file is parsed first, outside any transaction; then one
 * transaction (serialised per instansi) re-reads the database, re-checks every row and either
 * writes the whole plan or nothing. "Leaving" = an active employee of the importer's scope who
 * is missing from the file: on commit they are marked inactive and their open assignments end
 * yesterday (WIB); assignments that had not started before today are removed.
 */
export function createPeopleService({ db, clock }: PeopleDeps) {
  const today = () => wibDate(clock.now());

  function importScope(actor: Actor): { instansiId: number; roots: readonly number[] | null } {
    if (actor.instansiId === null) throw forbidden();
    if (actor.roles.has('ADMIN_BKPSDM')) return { instansiId: actor.instansiId, roots: null };
    if (actor.roles.has('ADMIN_OPD') && actor.adminUnitIds.length > 0) {
      return { instansiId: actor.instansiId, roots: actor.adminUnitIds };
    }
    throw forbidden();
  }

  function fileProblem(status: 400 | 415, reason: FileMessageCode, locale: Locale, params?: Record<string, unknown>): AppError {
    const fields = [{ path: 'file', code: reason, message: fileMessage(reason, locale, params) }];
    return status === 415 ? new AppError(415, 'UNSUPPORTED_FILE', undefined, fields) : validation(fields);
  }

  async function readSheet(req: ImportRequest): Promise<{ header: HeaderMap; data: SheetRow[]; file: UploadedFile; format: string }> {
    const file = await req.readFile();
    if (!file) throw validation([{ path: 'file', code: 'required', message: fileMessage('MISSING_FILE', req.locale) }]);
    let sheet: PeopleSheet;
    try {
      sheet = await readPeopleFile(file.data, file.filename);
    } catch (err) {
      if (err instanceof PeopleFileError) throw fileProblem(err.status, err.reason, req.locale, err.params);
      throw err;
    }
    const mapped = mapHeader(sheet);
    if (!mapped || mapped.data.length === 0) throw fileProblem(400, 'EMPTY', req.locale);
    if (mapped.data.length > MAX_DATA_ROWS) throw fileProblem(400, 'TOO_MANY_ROWS', req.locale, { max: MAX_DATA_ROWS.toLocaleString(req.locale === 'en' ? 'en-US' : 'id-ID') });
    return { ...mapped, file, format: sheet.format };
  }

  async function makePlan(handle: DbOrTx, instansiId: number, roots: readonly number[] | null, header: HeaderMap, data: SheetRow[], date: string): Promise<Plan> {
    const repo = peopleRepository(handle);
    const units = unitIndex(await repo.units(instansiId));
    const checked = validateRows(data, { header, units, scopeRoots: roots });
    const snapshot = {
      today: date,
      units,
      positions: await repo.positions(instansiId),
      employees: await repo.employees(instansiId),
      openAssignments: await repo.openAssignments(instansiId, date),
      otherInstansiNips: await repo.nipsOfOtherInstansi(instansiId, [...checked.fileNips.keys()]),
    };
    return planImport(checked, snapshot, roots, (c) => header.columns[c]?.header ?? c);
  }

  function result(mode: ImportMode, plan: Plan, locale: Locale): ImportResult {
    return {
      mode,
      ok: plan.problems.length === 0,
      errors: plan.problems.map((p) => ({ row: p.row, column: p.column, code: p.code, message: rowMessage(p.code, locale, p.params) })),
      summary: plan.summary,
      changes: plan.changes,
    };
  }

  async function apply(tx: Tx, ctx: RequestContext, instansiId: number, plan: Plan, date: string, source: Record<string, unknown>) {
    const repo = peopleRepository(tx);
    const yesterday = dayBefore(date);
    const slotIds = await repo.insertSlots(instansiId, plan.newSlots);
    const real = (id: number) => {
      const found = id < 0 ? slotIds.get(id) : id;
      if (found === undefined) throw new Error(`unresolved position ${id}`);
      return found;
    };
    await repo.setSlotTypes(plan.typeUpdates);
    const newIds = await repo.insertEmployees(instansiId, plan.creates);
    await repo.updateEmployees(plan.updates.map((u) => ({ id: u.employeeId, values: u.values })));

    const toEnd: number[] = [];
    const toRemove: number[] = [];
    const repoint: Array<{ id: number; positionId: number }> = [];
    const toInsert: Array<{ employeeId: number; positionId: number; validFrom: string; validTo: string | null }> = [];
    const employeeId = (nip: string) => {
      const id = newIds.get(nip);
      if (id === undefined) throw new Error(`employee ${nip} not inserted`);
      return id;
    };
    for (const c of plan.creates) toInsert.push({ employeeId: employeeId(c.nip), positionId: real(c.slotId), validFrom: date, validTo: null });
    for (const u of plan.updates) {
      if (!u.move) continue;
      const positionId = real(u.move.slotId);
      // An assignment that began today is corrected in place: ending it yesterday is impossible.
      if (u.move.current && u.move.current.validFrom >= date) repoint.push({ id: u.move.current.id, positionId });
      else {
        if (u.move.current) toEnd.push(u.move.current.id);
        toInsert.push({ employeeId: u.employeeId, positionId, validFrom: date, validTo: u.move.validTo });
      }
    }
    for (const l of plan.leavers) for (const a of l.assignments) (a.validFrom < date ? toEnd : toRemove).push(a.id);
    await repo.endAssignments(toEnd, yesterday);
    await repo.deleteAssignments(toRemove);
    await repo.repointAssignments(repoint);
    const assignmentIds = await repo.insertDefinitive(instansiId, toInsert);
    await repo.deactivateEmployees(plan.leavers.map((l) => l.employeeId));

    const events: AuditEvent[] = [];
    for (const c of plan.creates) {
      const id = employeeId(c.nip);
      events.push({
        action: 'employee.import_create',
        entityType: 'employee',
        entityId: id,
        instansiId,
        newValues: { nip: c.nip, ...c.values, positionId: real(c.slotId), assignmentId: assignmentIds.get(id) ?? null, validFrom: date },
      });
    }
    for (const u of plan.updates) {
      const old: Record<string, unknown> = Object.fromEntries(u.fields.map((f) => [f.column, f.old]));
      const now: Record<string, unknown> = Object.fromEntries(u.fields.map((f) => [f.column, f.new]));
      if (u.move) {
        old.positionId = u.move.current?.positionId ?? null;
        old.assignmentId = u.move.current?.id ?? null;
        now.positionId = real(u.move.slotId);
        now.assignmentId = assignmentIds.get(u.employeeId) ?? u.move.current?.id ?? null;
      }
      events.push({ action: 'employee.import_update', entityType: 'employee', entityId: u.employeeId, instansiId, oldValues: old, newValues: now });
    }
    for (const l of plan.leavers) {
      events.push({
        action: 'employee.import_leave',
        entityType: 'employee',
        entityId: l.employeeId,
        instansiId,
        oldValues: { nip: l.nip, active: true, assignments: l.assignments.map((a) => ({ id: a.id, positionId: a.positionId, kind: a.kind, validFrom: a.validFrom, validTo: a.validTo })) },
        newValues: {
          active: false,
          endedAssignmentIds: l.assignments.filter((a) => a.validFrom < date).map((a) => a.id),
          validTo: yesterday,
          removedAssignmentIds: l.assignments.filter((a) => a.validFrom >= date).map((a) => a.id),
        },
      });
    }
    events.push({
      action: 'import.commit',
      entityType: 'import',
      instansiId,
      newValues: {
        ...source,
        summary: plan.summary,
        positionsCreated: [...slotIds.values()],
        positionTypesChanged: Object.fromEntries(plan.typeUpdates),
      },
    });
    await recordAuditBatch(tx, ctx, events);
  }

  return {
    async importEmployees(actor: Actor, req: ImportRequest, ctx: RequestContext): Promise<ImportResult> {
      const { instansiId, roots } = importScope(actor);
      const { header, data, file, format } = await readSheet(req);
      if (header.problems.length > 0) {
        return {
          mode: req.mode,
          ok: false,
          errors: header.problems.map((p) => ({ row: header.row, column: p.column, code: p.code, message: rowMessage(p.code, req.locale, p.params) })),
          summary: { new: 0, changed: 0, leaving: 0, unchanged: 0 },
          changes: [],
        };
      }
      const date = today();
      if (req.mode === 'dry-run') return result(req.mode, await makePlan(db, instansiId, roots, header, data, date), req.locale);
      const plan = await db.transaction(async (tx) => {
        const repo = peopleRepository(tx);
        await repo.lockImports(instansiId);
        const p = await makePlan(tx, instansiId, roots, header, data, date);
        const changed = p.creates.length + p.updates.length + p.leavers.length > 0;
        if (p.problems.length === 0 && changed) {
          await apply(tx, ctx, instansiId, p, date, { file: file.filename ?? null, format, rows: data.length });
        }
        return p;
      });
      return result(req.mode, plan, req.locale);
    },

    async exportEmployees(actor: Actor, format: ExportFormat, ctx: RequestContext): Promise<{ filename: string; contentType: string; body: Buffer }> {
      if (actor.instansiId === null) throw notFound();
      const date = today();
      const repo = peopleRepository(db);
      const units = unitIndex(await repo.units(actor.instansiId));
      const rows = await repo.exportRows(actor.instansiId, date, accessRepository(db).scopeCondition(actor, date));
      const filename = `pegawai-${date}.${format}`;
      // NIPs carry birth date and sex: a download of other people's rows is a logged read (PDP).
      if (rows.some((r) => r.id !== actor.employeeId)) {
        await recordRead(db, ctx, { entityType: 'employee_export', entityId: filename, instansiId: actor.instansiId, purpose: `${rows.length} pegawai` });
      }
      const cells = exportCells(rows, units);
      if (format === 'xlsx') {
        return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(cells) };
      }
      return { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(cells) };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

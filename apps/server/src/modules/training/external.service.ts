import type { z } from 'zod';
import type { ExternalBody, ExternalDecisionBody, ExternalDto, ExternalListQuery } from '@pantau/contracts';
import type { Berakhlak } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { publishEvent } from '../realtime/events.repository.js';
import { jpProblem } from './catalogue.service.js';
import type { Certificates } from './certificates.js';
import { externalRepository, type ExternalRow } from './external.repository.js';
import { needsRepository } from './needs.repository.js';
import { closeNeedsInTx } from './needs.sync.js';
import { employeeOf, instansiOf, isAdmin, trainingAccess, unknownPerson } from './training.access.js';
import { conflictOn, invalidOn, problem, type TrainingCtx } from './training.messages.js';
import { certificateUrl } from './training.presenter.js';

export interface ExternalDeps {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyInTx'>;
  certificates: Certificates;
}

/**
 * Training outside the catalogue (issue 6 §2): the employee adds it with the certificate; an
 * admin over the employee (BKPSDM, or the admin OPD of their unit) verifies it, and only then do
 * its JP count. Nobody verifies their own.
 */
export function createExternalService(deps: ExternalDeps) {
  const { db, clock } = deps;
  const repo = externalRepository(db);
  const access = trainingAccess(db, clock);

  async function view(ctx: TrainingCtx, list: readonly ExternalRow[]): Promise<ExternalDto[]> {
    const [people, files, administered] = await Promise.all([
      access.people(list.map((x) => x.employeeId)),
      deps.certificates.files(list.map((x) => x.certificateEvidenceId)),
      isAdmin(ctx.actor) ? access.administered(ctx.actor, list.map((x) => x.employeeId), false) : Promise.resolve(new Set<number>()),
    ]);
    return list.map((x) => ({
      id: x.id,
      employee: people.get(x.employeeId) ?? unknownPerson(x.employeeId),
      title: x.title,
      organiser: x.organiser,
      kind: x.kind,
      mode: x.mode,
      behaviours: [...x.behaviours] as Berakhlak[],
      startDate: x.startDate,
      endDate: x.endDate,
      jp: x.jp,
      status: x.status,
      certificate: { id: x.certificateEvidenceId, name: files.get(x.certificateEvidenceId)?.name ?? '', url: certificateUrl('external', x.id) },
      decidedAt: x.decidedAt?.toISOString() ?? null,
      decisionNote: x.decisionNote,
      createdAt: x.createdAt.toISOString(),
      abilities: { verify: x.status === 'PENDING' && x.employeeId !== ctx.actor.employeeId && administered.has(x.employeeId) },
    }));
  }

  async function one(ctx: TrainingCtx, row: ExternalRow): Promise<ExternalDto> {
    const [dto] = await view(ctx, [row]);
    if (!dto) throw notFound();
    return dto;
  }

  /** The row, if the caller may read its employee (404 otherwise). */
  async function visible(ctx: TrainingCtx, id: number): Promise<ExternalRow> {
    const row = await repo.find(instansiOf(ctx), id);
    if (!row) throw notFound();
    if (row.employeeId !== ctx.actor.employeeId && !(await access.readable(ctx.actor, [row.employeeId])).has(row.employeeId)) throw notFound();
    return row;
  }

  return {
    async create(ctx: TrainingCtx, body: ExternalBody): Promise<ExternalDto> {
      const me = employeeOf(ctx);
      const instansiId = instansiOf(ctx);
      const problems: FieldProblem[] = [];
      if (body.endDate < body.startDate) problems.push(problem(ctx.locale, 'body.endDate', 'DATE_RANGE'));
      if (body.endDate > access.today()) problems.push(problem(ctx.locale, 'body.endDate', 'DATE_IN_FUTURE'));
      const jp = jpProblem(ctx, body.jp, 'body.jp');
      if (jp) problems.push(jp);
      if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', undefined, problems);
      await deps.certificates.checkOwn(ctx, body.certificateEvidenceId, 'body.certificateEvidenceId');
      if (body.needId) {
        const need = await needsRepository(db).find(instansiId, body.needId);
        if (!need || need.employeeId !== me) throw invalidOn(ctx.locale, 'body.needId', 'NEED_UNKNOWN');
      }
      const values = {
        title: body.title,
        organiser: body.organiser,
        kind: body.kind,
        mode: body.mode,
        behaviours: [...new Set(body.behaviours)],
        startDate: body.startDate,
        endDate: body.endDate,
        jp: body.jp,
        certificateEvidenceId: body.certificateEvidenceId,
        needId: body.needId ?? null,
      };
      const row = await db.transaction(async (tx) => {
        const created = await externalRepository(tx).insert({ instansiId, employeeId: me, ...values, submittedByUserId: ctx.actor.userId });
        await recordAudit(tx, ctx.req, {
          action: 'training.external.create',
          entityType: 'training_external',
          entityId: created.id,
          instansiId,
          newValues: values,
        });
        return created;
      });
      return one(ctx, row);
    },

    async list(ctx: TrainingCtx, query: z.infer<typeof ExternalListQuery>): Promise<ExternalDto[]> {
      const instansiId = instansiOf(ctx);
      if (query.scope === 'mine') return view(ctx, await repo.forEmployee(employeeOf(ctx)));
      if (!isAdmin(ctx.actor)) throw forbidden();
      const pending = await repo.pending(instansiId);
      const allowed = await access.administered(ctx.actor, pending.map((x) => x.employeeId), false);
      return view(
        ctx,
        pending.filter((x) => allowed.has(x.employeeId) && x.employeeId !== ctx.actor.employeeId),
      );
    },

    async decide(ctx: TrainingCtx, id: number, body: z.infer<typeof ExternalDecisionBody>): Promise<ExternalDto> {
      const row = await visible(ctx, id);
      if (row.employeeId === ctx.actor.employeeId) throw forbidden();
      if (!isAdmin(ctx.actor) || !(await access.administered(ctx.actor, [row.employeeId], false)).has(row.employeeId)) throw forbidden();
      if (row.status !== 'PENDING') throw conflictOn(ctx.locale, 'status', 'NOT_PENDING');
      if (body.decision === 'REJECTED' && !body.note) throw invalidOn(ctx.locale, 'body.note', 'NOTE_REQUIRED');
      const at = clock.now();
      const updated = await db.transaction(async (tx) => {
        const r = externalRepository(tx);
        const fresh = await r.lock(id);
        if (!fresh || fresh.status !== 'PENDING') throw conflictOn(ctx.locale, 'status', 'NOT_PENDING');
        const next = await r.update(id, { status: body.decision, decidedByUserId: ctx.actor.userId, decidedAt: at, decisionNote: body.note || null });
        const closed =
          body.decision === 'VERIFIED'
            ? await closeNeedsInTx(tx, ctx.req, {
                instansiId: row.instansiId,
                employeeId: row.employeeId,
                year: Number(row.endDate.slice(0, 4)),
                training: { courseId: null, behaviours: [...row.behaviours] as Berakhlak[], needId: row.needId },
                externalId: id,
                at,
              })
            : [];
        await recordAudit(tx, ctx.req, {
          action: body.decision === 'VERIFIED' ? 'training.external.verify' : 'training.external.reject',
          entityType: 'training_external',
          entityId: id,
          instansiId: row.instansiId,
          oldValues: { status: 'PENDING' },
          newValues: { status: body.decision, note: body.note ?? null, closedNeedIds: closed },
        });
        await deps.notifications.notifyInTx(tx, [
          {
            instansiId: row.instansiId,
            recipientEmployeeId: row.employeeId,
            type: body.decision === 'VERIFIED' ? 'training.external_verified' : 'training.external_rejected',
            params: { title: row.title, jp: row.jp, note: body.note ?? '' },
            link: '/pelatihan',
          },
        ]);
        await publishEvent(tx, {
          instansiId: row.instansiId,
          type: 'training.external',
          subjectEmployeeIds: [row.employeeId],
          payload: { externalId: id, status: body.decision },
        });
        return next;
      });
      return one(ctx, updated);
    },

    async certificate(ctx: TrainingCtx, id: number) {
      const row = await visible(ctx, id);
      return deps.certificates.open(row.certificateEvidenceId);
    },
  };
}

export type ExternalService = ReturnType<typeof createExternalService>;

import {
  closesNeed,
  complaintWeakness,
  evaluationWeaknesses,
  isBerakhlak,
  type Berakhlak,
  type CompletedTraining,
  type Weakness,
} from '@pantau/domain';
import type { Db, Tx } from '../../db/open-db.js';
import { recordAuditBatch } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { publishEvent } from '../realtime/events.repository.js';
import { needsRepository } from './needs.repository.js';
import { sourcesRepository } from './sources.repository.js';

interface FoundWeakness extends Weakness {
  employeeId: number;
  label: string;
  occurredOn: string | null;
}

/** The audit context of derived changes: nobody's hand, tied to the request that noticed them. */
export const systemContext = (requestId: string): RequestContext => ({ actor: null, requestId, ip: null });

/**
 * Turns new weaknesses into development needs (issue 6 §3): every below-expectation behaviour or
 * RHK of a rated evaluation of the year, and every verified complaint about the employee's
 * service, becomes (or joins) the open need of its area. Each source is used once, so a need the
 * employee has closed by training is not reopened by the same rating; a later period rated below
 * again opens a new one. An open need that came only from ratings that were since changed (the
 * rating is no longer below expectation) is withdrawn. Runs when a plan is read and nightly.
 * Returns how many needs were created and withdrawn.
 */
export async function syncNeeds(
  db: Db,
  o: { instansiId: number; employeeIds: readonly number[] | null; year: number; requestId: string; now: Date },
): Promise<{ created: number; withdrawn: number }> {
  const sources = sourcesRepository(db);
  const [evaluations, complaints, recorded] = await Promise.all([
    sources.weakEvaluations(o.instansiId, o.employeeIds, o.year),
    sources.complaintEvidence(o.instansiId, o.employeeIds, o.year),
    needsRepository(db).recordedSources(o.employeeIds, o.instansiId),
  ]);
  const items = await sources.weakItems(evaluations.map((e) => e.evaluationId));
  const found: FoundWeakness[] = [];
  for (const e of evaluations) {
    const weaknesses = evaluationWeaknesses({
      evaluationId: e.evaluationId,
      hasilKerjaRating: e.hasilKerjaRating,
      perilakuRating: e.perilakuRating,
      items: items.filter((i) => i.evaluationId === e.evaluationId),
    });
    for (const w of weaknesses) found.push({ ...w, employeeId: e.employeeId, label: e.periodLabel, occurredOn: e.periodEnd });
  }
  for (const c of complaints) {
    const aspect: Berakhlak = isBerakhlak(c.aspect) ? c.aspect : 'BERORIENTASI_PELAYANAN';
    found.push({ ...complaintWeakness(c.complaintId, aspect), employeeId: c.employeeId, label: '', occurredOn: c.receivedOn });
  }

  const key = (employeeId: number, sourceKey: string) => `${employeeId}|${sourceKey}`;
  const recordedKeys = new Set(recorded.map((r) => key(r.employeeId, r.sourceKey)));
  const fresh = found.filter((w) => !recordedKeys.has(key(w.employeeId, w.sourceKey)));
  const current = new Set(found.map((w) => key(w.employeeId, w.sourceKey)));

  // Open needs of this year that rest only on ratings which are no longer below expectation.
  const byNeed = new Map<number, typeof recorded>();
  for (const r of recorded) if (r.status === 'OPEN' && r.year === o.year) byNeed.set(r.needId, [...(byNeed.get(r.needId) ?? []), r]);
  const stale = [...byNeed.entries()]
    .filter(([, list]) => list.every((r) => r.sourceKey.startsWith('skp:') && !current.has(key(r.employeeId, r.sourceKey))))
    .map(([needId]) => needId);

  if (fresh.length === 0 && stale.length === 0) return { created: 0, withdrawn: 0 };
  const ctx = systemContext(o.requestId);
  // Short transactions: the first run over a whole instansi may find thousands of sources.
  let created = 0;
  for (let i = 0; i < fresh.length; i += SYNC_CHUNK) {
    created += await writeFresh(db, ctx, o, fresh.slice(i, i + SYNC_CHUNK));
  }
  const withdrawn = stale.length === 0 ? 0 : await withdrawStale(db, ctx, o, stale);
  return { created, withdrawn };
}

/** Weaknesses written per transaction. */
const SYNC_CHUNK = 200;

async function writeFresh(db: Db, ctx: RequestContext, o: { instansiId: number; year: number }, fresh: readonly FoundWeakness[]): Promise<number> {
  return db.transaction(async (tx) => {
    const repo = needsRepository(tx);
    const audits = [];
    const touched = new Set<number>();
    for (const w of fresh) {
      const { need, created: isNew } = await repo.openNeed({
        instansiId: o.instansiId,
        employeeId: w.employeeId,
        year: o.year,
        areaKey: w.areaKey,
        source: w.source,
        behaviour: w.behaviour,
        competency: w.competency,
      });
      await repo.insertSources([{ needId: need.id, employeeId: w.employeeId, sourceKey: w.sourceKey, label: w.label.slice(0, 300), occurredOn: w.occurredOn }]);
      touched.add(w.employeeId);
      if (isNew) {
        audits.push({
          action: 'training.need.derive',
          entityType: 'training_need',
          entityId: need.id,
          instansiId: o.instansiId,
          newValues: { employeeId: w.employeeId, year: o.year, areaKey: w.areaKey, source: w.source, sourceKey: w.sourceKey },
        });
      }
    }
    await recordAuditBatch(tx, ctx, audits);
    await publishEvent(tx, { instansiId: o.instansiId, type: 'training.needs_changed', subjectEmployeeIds: [...touched], payload: { year: o.year } });
    return audits.length;
  });
}

async function withdrawStale(db: Db, ctx: RequestContext, o: { instansiId: number; year: number; now: Date }, stale: readonly number[]): Promise<number> {
  return db.transaction(async (tx) => {
    const repo = needsRepository(tx);
    const rows = await repo.withdrawOpen(stale, 'Penilaian SKP diubah; tidak lagi di bawah ekspektasi.', o.now);
    await recordAuditBatch(
      tx,
      ctx,
      rows.map((n) => ({
        action: 'training.need.withdraw_stale',
        entityType: 'training_need',
        entityId: n.id,
        instansiId: o.instansiId,
        oldValues: { status: 'OPEN' },
        newValues: { status: 'WITHDRAWN', reason: 'rating changed' },
      })),
    );
    if (rows.length > 0) {
      await publishEvent(tx, {
        instansiId: o.instansiId,
        type: 'training.needs_changed',
        subjectEmployeeIds: [...new Set(rows.map((n) => n.employeeId))],
        payload: { year: o.year },
      });
    }
    return rows.length;
  });
}

/**
 * Closes the employee's open needs (of the year and earlier) that a completed training develops,
 * inside the completion's transaction. Returns the closed need ids.
 */
export async function closeNeedsInTx(
  tx: Tx,
  ctx: RequestContext,
  o: { instansiId: number; employeeId: number; year: number; training: CompletedTraining; enrolmentId?: number; externalId?: number; at: Date },
): Promise<number[]> {
  const repo = needsRepository(tx);
  const open = await repo.openUpTo(o.employeeId, o.year);
  const closing = open.filter((n) =>
    closesNeed({ id: n.id, behaviour: n.behaviour, competency: n.competency, source: n.source, plannedCourseId: n.plannedCourseId }, o.training),
  );
  const ids = closing.map((n) => n.id);
  await repo.updateMany(ids, {
    status: 'CLOSED',
    closedAt: o.at,
    closedByEnrolmentId: o.enrolmentId ?? null,
    closedByExternalId: o.externalId ?? null,
  });
  await recordAuditBatch(
    tx,
    ctx,
    closing.map((n) => ({
      action: 'training.need.close',
      entityType: 'training_need',
      entityId: n.id,
      instansiId: o.instansiId,
      oldValues: { status: 'OPEN' },
      newValues: { status: 'CLOSED', enrolmentId: o.enrolmentId ?? null, externalId: o.externalId ?? null },
    })),
  );
  return ids;
}

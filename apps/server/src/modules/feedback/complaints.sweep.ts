import { addDays, escalationLevel } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { publishFeedbackEvent } from './alerts.repository.js';
import { queueComplainantNotices } from './complainant-notices.js';
import { complaintsRepository, type ComplaintRow } from './complaints.repository.js';
import { closePatch } from './complaints.workflow.js';
import { feedbackPeopleRepository } from './feedback-people.repository.js';
import type { FeedbackSettings } from './feedback.settings.js';
import { holidayDates } from './holidays-2026.js';

const PAGE = 200;
const systemContext = (requestId: string): RequestContext => ({ actor: null, requestId, ip: null });

export interface SweepResult {
  closed: number;
  escalated: number;
}

/**
 * The deadline check, run on a timer and on demand: a complaint still ditindaklanjuti after its
 * closing period becomes selesai ("10 hari kerja tanpa tanggapan", §5.2); an overdue complaint in
 * verification or follow-up goes one level up the chain above the responsible unit's head for
 * every `escalationStepWorkingDays` it stays late. Each complaint is its own short transaction,
 * and each update is conditional, so two server instances sweeping at once do not double up.
 */
export function createComplaintSweep({ db, clock, settings }: { db: Db; clock: Clock; settings: FeedbackSettings }) {
  const people = feedbackPeopleRepository(db);
  const holidayCache = new Map<number, Set<string>>();

  async function holidaysOf(instansiId: number, today: string) {
    let set = holidayCache.get(instansiId);
    if (!set) {
      set = await holidayDates(db, instansiId, addDays(today, -400), addDays(today, 400));
      holidayCache.set(instansiId, set);
    }
    return set;
  }

  async function close(c: ComplaintRow, today: string, now: Date, requestId: string): Promise<boolean> {
    const holidays = await holidaysOf(c.instansiId, today);
    const patch = closePatch(c, { today, now, holidays, sla: settings.sla });
    return db.transaction(async (tx) => {
      const repo = complaintsRepository(tx);
      if (!(await repo.update(c.id, 'DITINDAKLANJUTI', patch))) return false;
      await repo.addHistory([
        {
          complaintId: c.id,
          at: now,
          kind: 'SELESAI',
          fromStatus: 'DITINDAKLANJUTI',
          toStatus: 'SELESAI',
          actorKind: 'SISTEM',
          note: 'Selesai otomatis: tidak ada tanggapan pelapor dalam batas waktu setelah tindak lanjut.',
          visibleToComplainant: true,
        },
      ]);
      await recordAudit(tx, systemContext(requestId), {
        action: 'complaint.auto_close',
        entityType: 'complaint',
        entityId: c.id,
        instansiId: c.instansiId,
        oldValues: { status: c.status },
        newValues: { status: 'SELESAI', closedOn: today, resolutionDays: patch.resolutionDays },
      });
      await queueComplainantNotices(tx, settings.complainantChannels, { complaintId: c.id, instansiId: c.instansiId, kind: 'SELESAI' });
      return true;
    });
  }

  async function escalate(c: ComplaintRow, today: string, now: Date, requestId: string): Promise<boolean> {
    if (c.dueOn === null) return false;
    const holidays = await holidaysOf(c.instansiId, today);
    const level = escalationLevel(c.dueOn, today, holidays, settings.escalationStepWorkingDays);
    if (level <= c.escalationLevel) return false;
    const unitId = c.status === 'DIDISPOSISIKAN' ? (c.handlingUnitId ?? c.unitId) : c.unitId;
    const head = (await people.unitHeads([unitId], today)).get(unitId);
    if (head === undefined) return false;
    const chain = await people.chainFrom(head, today, level);
    const target = chain[Math.min(level, chain.length - 1)] ?? head;
    return db.transaction(async (tx) => {
      const repo = complaintsRepository(tx);
      const updated = await repo.update(c.id, c.status, { escalationLevel: level, escalatedToEmployeeId: target, updatedAt: now });
      if (!updated || updated.escalationLevel !== level) return false;
      await repo.addHistory([
        {
          complaintId: c.id,
          at: now,
          kind: 'ESKALASI',
          actorKind: 'SISTEM',
          employeeId: target,
          note: `Melewati batas waktu ${c.dueOn}; diteruskan ke tingkat ${level} di atas kepala unit.`,
          visibleToComplainant: false,
        },
      ]);
      await recordAudit(tx, systemContext(requestId), {
        action: 'complaint.escalate',
        entityType: 'complaint',
        entityId: c.id,
        instansiId: c.instansiId,
        oldValues: { escalationLevel: c.escalationLevel, escalatedToEmployeeId: c.escalatedToEmployeeId },
        newValues: { escalationLevel: level, escalatedToEmployeeId: target },
      });
      await publishFeedbackEvent(tx, {
        instansiId: c.instansiId,
        type: 'complaint.escalated',
        subjectEmployeeIds: [target],
        payload: { complaintId: c.id, category: c.category, status: c.status, dueOn: c.dueOn, escalationLevel: level, unitId },
      });
      return true;
    });
  }

  return {
    async run(requestId = `sweep-${Date.now()}`): Promise<SweepResult> {
      const now = clock.now();
      const today = wibDate(now);
      holidayCache.clear();
      const result: SweepResult = { closed: 0, escalated: 0 };
      const repo = complaintsRepository(db);
      let afterId = 0;
      for (;;) {
        const page = await repo.overdue(today, afterId, PAGE);
        for (const c of page) {
          if (c.status === 'DITINDAKLANJUTI') {
            if (await close(c, today, now, requestId)) result.closed++;
          } else if (await escalate(c, today, now, requestId)) {
            result.escalated++;
          }
        }
        const last = page[page.length - 1];
        if (!last || page.length < PAGE) break;
        afterId = last.id;
      }
      return result;
    },
  };
}

export type ComplaintSweep = ReturnType<typeof createComplaintSweep>;

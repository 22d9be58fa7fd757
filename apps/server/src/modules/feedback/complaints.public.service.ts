import { timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { COMPLAINT_LIMITS, type CreateComplaintBody } from '@pantau/contracts';
import { addDays, addWorkingDays, complaintDeadline, reopenCheck } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { complaints, instansi, orgUnits } from '../../db/schema/index.js';
import { AppError, conflict, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { raiseAlert, resolveResponsible } from './alerts.raise.js';
import { type NoticeChannel, queueComplainantNotices } from './complainant-notices.js';
import { safeFileName, sniffType, stripMetadata } from './attachments.js';
import { complaintsRepository, type ComplaintRow } from './complaints.repository.js';
import { reopenPatch } from './complaints.workflow.js';
import type { FeedbackSettings } from './feedback.settings.js';
import { holidayDates } from './holidays-2026.js';
import { servicePointsRepository } from './service-points.repository.js';
import type { PublicClient } from './surveys.service.js';
import { cleanOptional, cleanText, clientHash, normalisedForDuplicates, sha256 } from './text.js';
import { codeCandidates, newTrackingCode, newTrackingSecret, secretCandidates } from './tracking-code.js';

function tokenMatches(token: string | undefined, hash: string): boolean {
  if (token === undefined || token.length === 0) return false;
  // Every candidate is compared, so the time does not tell which one matched.
  return secretCandidates(token).reduce((ok, t) => timingSafeEqual(Buffer.from(sha256(t)), Buffer.from(hash)) || ok, false);
}

/** The public context of an audit row: no address, no actor (the complainant is never identified). */
export const citizenContext = (requestId: string): RequestContext => ({ actor: null, requestId, ip: null });

export interface UploadedFile {
  filename: string | undefined;
  data: Buffer;
}

/**
 * The complainant's side: submit (returns a tracking code and a secret token), follow the
 * complaint with both, reopen within the window, add photos before verification.
 */
export function createPublicComplaintService({ db, clock, settings }: { db: Db; clock: Clock; settings: FeedbackSettings }) {
  const repo = complaintsRepository(db);
  const spRepo = servicePointsRepository(db);

  async function target(body: CreateComplaintBody) {
    if (body.servicePointSlug !== undefined) {
      const found = await spRepo.findBySlug(body.servicePointSlug.toLowerCase());
      if (!found || !found.sp.active) throw validation([{ path: 'body.servicePointSlug', code: 'SERVICE_UNKNOWN' }]);
      return { instansiId: found.sp.instansiId, unitId: found.sp.unitId, unitName: found.unitName, servicePointId: found.sp.id, servicePointName: found.sp.name };
    }
    const [unit] = await db
      .select({ id: orgUnits.id, name: orgUnits.name, instansiId: orgUnits.instansiId })
      .from(orgUnits)
      .innerJoin(instansi, eq(instansi.id, orgUnits.instansiId))
      .where(and(eq(instansi.code, body.instansiCode ?? ''), eq(orgUnits.id, body.unitId ?? 0), eq(orgUnits.active, true)));
    if (!unit) throw validation([{ path: 'body.unitId', code: 'UNIT_UNKNOWN' }]);
    return { instansiId: unit.instansiId, unitId: unit.id, unitName: unit.name, servicePointId: null, servicePointName: null };
  }

  /** The complaint behind a code and token; 404 for a wrong pair, so codes cannot be probed. */
  async function authorised(code: string, token: string | undefined): Promise<ComplaintRow> {
    const c = (await repo.byCodes(codeCandidates(code))).find((row) => tokenMatches(token, row.tokenHash));
    if (!c) throw notFound();
    return c;
  }

  const holidaysFrom = (instansiId: number, day: string) => holidayDates(db, instansiId, addDays(day, -400), addDays(day, 400));

  return {
    async create(body: CreateComplaintBody, client: PublicClient, requestId: string) {
      const now = clock.now();
      const today = wibDate(now);
      // Honeypot: a plausible answer, nothing stored.
      if (body.website !== undefined && body.website.trim() !== '') {
        const seemsSent: NoticeChannel[] = [
          ...(settings.complainantChannels.email && body.contact?.email ? (['EMAIL'] as const) : []),
          ...(settings.complainantChannels.phone && body.contact?.phone ? (['PHONE'] as const) : []),
        ];
        return { trackingCode: newTrackingCode(), token: newTrackingSecret(), receivedOn: today, verifyDueOn: today, anonymous: body.anonymous, confidential: body.confidential, codeSentBy: seemsSent };
      }
      const where = await target(body);
      const description = cleanText(body.description);
      if (description.length < COMPLAINT_LIMITS.descriptionMin) {
        throw validation([{ path: 'body.description', code: 'TEXT_TOO_SHORT', params: { minimum: COMPLAINT_LIMITS.descriptionMin } }]);
      }
      const subject = body.subjectEmployeeId ?? null;
      if (subject !== null) {
        const staff = await spRepo.publicStaff(where.servicePointId ?? 0, where.unitId, today);
        if (!staff.some((s) => s.id === subject)) throw validation([{ path: 'body.subjectEmployeeId', code: 'STAFF_NOT_LISTED' }]);
      }
      const cHash = clientHash(settings.clientHashSecret, client.ip, client.userAgent, today);
      const contentHash = sha256(`${where.unitId}\n${normalisedForDuplicates(description)}`);
      if (await repo.sameClientDuplicate(cHash, contentHash)) throw conflict([{ path: 'body.description', code: 'COMPLAINT_DUPLICATE' }]);
      const duplicateOfId = await repo.earlierSameText(where.instansiId, contentHash, addDays(today, -30));
      const holidays = await holidaysFrom(where.instansiId, today);
      const verifyDueOn = complaintDeadline('VERIFIKASI', today, holidays, settings.sla);
      const responsible = await resolveResponsible(db, where.unitId, subject, today);
      const code = newTrackingCode();
      const token = newTrackingSecret();
      const contact = {
        name: cleanOptional(body.contact?.name),
        phone: body.contact?.phone ?? null,
        email: body.contact?.email?.toLowerCase() ?? null,
      };

      const codeSentBy = await db.transaction(async (tx) => {
        const txRepo = complaintsRepository(tx);
        const c = await txRepo.insert({
          instansiId: where.instansiId,
          trackingCode: code,
          tokenHash: sha256(token),
          servicePointId: where.servicePointId,
          unitId: where.unitId,
          category: body.category,
          description,
          subjectEmployeeId: subject,
          anonymous: body.anonymous,
          confidential: body.confidential,
          status: 'DITERIMA',
          receivedAt: now,
          receivedOn: today,
          verifyDueOn,
          dueOn: verifyDueOn,
          duplicateOfId,
          clientHash: cHash,
          contentHash,
          updatedAt: now,
        });
        await txRepo.insertContact(c.id, contact);
        const via = await queueComplainantNotices(tx, settings.complainantChannels, { complaintId: c.id, instansiId: where.instansiId, kind: 'RECEIVED', secret: token });
        await txRepo.addHistory([{ complaintId: c.id, at: now, kind: 'DITERIMA', toStatus: 'DITERIMA', actorKind: 'PELAPOR', visibleToComplainant: true }]);
        // Neither the contact nor the text goes into the audit log (officials read it).
        await recordAudit(tx, citizenContext(requestId), {
          action: 'complaint.create',
          entityType: 'complaint',
          entityId: c.id,
          instansiId: where.instansiId,
          newValues: {
            trackingCode: code,
            unitId: where.unitId,
            servicePointId: where.servicePointId,
            category: body.category,
            subjectEmployeeId: subject,
            anonymous: body.anonymous,
            confidential: body.confidential,
          },
        });
        await raiseAlert(tx, {
          instansiId: where.instansiId,
          kind: 'COMPLAINT',
          eventType: 'complaint.received',
          complaintId: c.id,
          unitId: where.unitId,
          subjectEmployeeId: subject,
          responsible,
          at: now,
          payload: {
            complaintId: c.id,
            category: body.category,
            servicePointId: where.servicePointId,
            servicePointName: where.servicePointName,
            unitName: where.unitName,
            receivedOn: today,
            dueOn: verifyDueOn,
          },
        });
        return via;
      });
      return { trackingCode: code, token, receivedOn: today, verifyDueOn, anonymous: body.anonymous, confidential: body.confidential, codeSentBy };
    },

    async track(code: string, token: string | undefined) {
      const c = await authorised(code, token);
      const today = wibDate(clock.now());
      const [history, attachments, names] = await Promise.all([
        repo.history(c.id),
        repo.attachments(c.id),
        db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(inArray(orgUnits.id, [c.unitId, c.handlingUnitId ?? c.unitId])),
      ]);
      const unitName = (id: number | null) => (id === null ? null : (names.find((n) => n.id === id)?.name ?? null));
      const sp = c.servicePointId === null ? undefined : await spRepo.findById(c.instansiId, c.servicePointId);
      const since = c.status === 'SELESAI' ? c.closedOn : c.lastFollowUpOn;
      const policy = { windowWorkingDays: settings.reopenWindowWorkingDays, maxReopens: settings.maxReopens };
      const holidays = since === null ? new Set<string>() : await holidaysFrom(c.instansiId, since);
      const check = since === null ? null : reopenCheck({ status: c.status, since, reopenCount: c.reopenCount, today }, policy, holidays);
      return {
        trackingCode: c.trackingCode,
        category: c.category as CreateComplaintBody['category'],
        status: c.status,
        description: c.description,
        anonymous: c.anonymous,
        confidential: c.confidential,
        servicePointName: sp?.name ?? null,
        unitName: unitName(c.unitId) ?? '',
        handlingUnitName: unitName(c.handlingUnitId),
        receivedOn: c.receivedOn,
        dueOn: c.dueOn,
        rejectionReason: c.rejectionReason,
        attachments: attachments.length,
        reopen: {
          allowed: check?.ok === true,
          until: since !== null && check?.ok === true ? addWorkingDays(since, settings.reopenWindowWorkingDays, holidays) : null,
        },
        // Officials' names and internal notes stay internal.
        history: history.map((h) => ({
          at: new Date(h.at).toISOString(),
          status: h.toStatus,
          kind: h.kind,
          unitName: h.kind === 'DIDISPOSISIKAN' ? h.unitName : null,
          note: h.visibleToComplainant ? h.note : null,
        })),
      };
    },

    async reopen(code: string, token: string | undefined, rawReason: string, requestId: string) {
      const c = await authorised(code, token);
      const now = clock.now();
      const today = wibDate(now);
      const reason = cleanText(rawReason);
      if (reason === '') throw validation([{ path: 'body.reason', code: 'TEXT_TOO_SHORT', params: { minimum: 1 } }]);
      const since = c.status === 'SELESAI' ? c.closedOn : c.lastFollowUpOn;
      const holidays = await holidaysFrom(c.instansiId, today);
      const check = reopenCheck(
        { status: c.status, since: since ?? today, reopenCount: c.reopenCount, today },
        { windowWorkingDays: settings.reopenWindowWorkingDays, maxReopens: settings.maxReopens },
        holidays,
      );
      if (!check.ok) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'code', code: check.reason }]);
      const patch = reopenPatch(c, { today, now, holidays, sla: settings.sla });
      const handlingUnitId = patch.handlingUnitId ?? c.unitId;
      const responsible = await resolveResponsible(db, handlingUnitId, c.subjectEmployeeId, today);
      await db.transaction(async (tx) => {
        const txRepo = complaintsRepository(tx);
        const updated = await txRepo.update(c.id, c.status, patch);
        if (!updated) throw new AppError(409, 'CONFLICT', undefined, [{ path: 'code', code: 'REOPEN_NOT_ALLOWED_STATUS' }]);
        await txRepo.addHistory([
          { complaintId: c.id, at: now, kind: 'DIBUKA_KEMBALI', fromStatus: c.status, toStatus: 'DIDISPOSISIKAN', actorKind: 'PELAPOR', unitId: handlingUnitId, note: reason, visibleToComplainant: true },
        ]);
        await recordAudit(tx, citizenContext(requestId), {
          action: 'complaint.reopen',
          entityType: 'complaint',
          entityId: c.id,
          instansiId: c.instansiId,
          oldValues: { status: c.status },
          newValues: { status: 'DIDISPOSISIKAN', dueOn: patch.dueOn, reopenCount: patch.reopenCount },
        });
        await raiseAlert(tx, {
          instansiId: c.instansiId,
          kind: 'COMPLAINT',
          eventType: 'complaint.reopened',
          complaintId: c.id,
          unitId: handlingUnitId,
          subjectEmployeeId: c.subjectEmployeeId,
          responsible,
          at: now,
          payload: { complaintId: c.id, category: c.category, dueOn: patch.dueOn },
        });
        await queueComplainantNotices(tx, settings.complainantChannels, { complaintId: c.id, instansiId: c.instansiId, kind: 'REOPENED' });
      });
      return this.track(code, token);
    },

    /**
     * Verified complaints about a service that are not rahasia: category, status, dates and the
     * (possibly redacted) text. Never the complainant, the named staff member or officials' notes.
     */
    async listPublic(slug: string) {
      const found = await spRepo.findBySlug(slug);
      if (!found || !found.sp.active) throw notFound();
      const list = await db
        .select({
          category: complaints.category,
          status: complaints.status,
          description: sql<string>`coalesce(${complaints.redactedDescription}, ${complaints.description})`,
          receivedOn: complaints.receivedOn,
          lastFollowUpOn: complaints.lastFollowUpOn,
        })
        .from(complaints)
        .where(
          and(
            eq(complaints.servicePointId, found.sp.id),
            eq(complaints.confidential, false),
            inArray(complaints.status, ['DIDISPOSISIKAN', 'DITINDAKLANJUTI', 'SELESAI']),
          ),
        )
        .orderBy(desc(complaints.receivedAt))
        .limit(50);
      return list.map((c) => ({ ...c, category: c.category as CreateComplaintBody['category'] }));
    },

    async attach(code: string, token: string | undefined, file: UploadedFile | null, requestId: string) {
      const c = await authorised(code, token);
      if (c.status !== 'DITERIMA') throw new AppError(409, 'CONFLICT', undefined, [{ path: 'file', code: 'ATTACHMENTS_CLOSED' }]);
      if (file === null || file.data.length === 0) throw validation([{ path: 'file', code: 'ATTACHMENT_MISSING' }]);
      const type = sniffType(file.data);
      if (type === null) throw new AppError(415, 'UNSUPPORTED_FILE', undefined, [{ path: 'file', code: 'ATTACHMENT_TYPE' }]);
      const data = stripMetadata(type, file.data);
      return db.transaction(async (tx) => {
        const txRepo = complaintsRepository(tx);
        // Counted under a row lock so two uploads at once cannot pass the limit together.
        await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.id, c.id)).for('update');
        if ((await txRepo.attachments(c.id)).length >= COMPLAINT_LIMITS.attachmentsMax) {
          throw new AppError(409, 'CONFLICT', undefined, [{ path: 'file', code: 'ATTACHMENT_LIMIT', params: { maximum: COMPLAINT_LIMITS.attachmentsMax } }]);
        }
        const row = await txRepo.addAttachment({
          complaintId: c.id,
          fileName: safeFileName(file.filename, type),
          mimeType: type,
          sizeBytes: data.length,
          sha256: sha256(data),
          contentBase64: data.toString('base64'),
        });
        await recordAudit(tx, citizenContext(requestId), {
          action: 'complaint.attach',
          entityType: 'complaint',
          entityId: c.id,
          instansiId: c.instansiId,
          newValues: { attachmentId: row.id, mimeType: type, sizeBytes: data.length },
        });
        return row;
      });
    },
  };
}

export type PublicComplaintService = ReturnType<typeof createPublicComplaintService>;

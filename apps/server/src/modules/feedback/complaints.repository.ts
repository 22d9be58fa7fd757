import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import {
  complaintAttachments,
  complaintContacts,
  complaintHistory,
  complaintResponses,
  complaints,
  feedbackEvidence,
} from '../../db/schema/index.js';

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintStatusValue = ComplaintRow['status'];
export type NewHistory = Omit<typeof complaintHistory.$inferInsert, 'id'>;

/** A complaint with the names officials see; no column of the complainant's contact. */
export interface ComplaintListRow {
  id: number;
  trackingCode: string;
  category: string;
  status: ComplaintStatusValue;
  anonymous: boolean;
  confidential: boolean;
  unitId: number;
  unitName: string;
  unitPath: string;
  handlingUnitId: number | null;
  handlingUnitName: string | null;
  handlingUnitPath: string | null;
  servicePointId: number | null;
  servicePointName: string | null;
  subjectEmployeeId: number | null;
  escalatedToEmployeeId: number | null;
  receivedAt: Date;
  dueOn: string | null;
  escalationLevel: number;
  description: string;
  duplicateOfId: number | null;
  attachments: number;
  total: number;
}

const LIST_COLUMNS = sql`c.id, c.tracking_code as "trackingCode", c.category, c.status, c.anonymous, c.confidential,
  c.unit_id as "unitId", u.name as "unitName", u.path as "unitPath",
  c.handling_unit_id as "handlingUnitId", hu.name as "handlingUnitName", hu.path as "handlingUnitPath",
  c.service_point_id as "servicePointId", sp.name as "servicePointName",
  c.subject_employee_id as "subjectEmployeeId", c.escalated_to_employee_id as "escalatedToEmployeeId",
  c.received_at as "receivedAt", c.due_on::text as "dueOn", c.escalation_level as "escalationLevel",
  c.description, c.duplicate_of_id as "duplicateOfId",
  (select count(*)::int from complaint_attachments ca where ca.complaint_id = c.id) as attachments`;

const FROM = sql`from complaints c
  join org_units u on u.id = c.unit_id
  left join org_units hu on hu.id = c.handling_unit_id
  left join service_points sp on sp.id = c.service_point_id`;

export function complaintsRepository(db: DbOrTx) {
  return {
    async insert(values: typeof complaints.$inferInsert): Promise<ComplaintRow> {
      const [row] = await db.insert(complaints).values(values).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async insertContact(complaintId: number, contact: { name: string | null; phone: string | null; email: string | null }) {
      if (contact.name === null && contact.phone === null && contact.email === null) return;
      await db.insert(complaintContacts).values({ complaintId, ...contact });
    },

    /**
     * The only read of the complainant's identity. Callers check that the complaint is not
     * anonymous and that the reader may see it, and log the read (recordRead).
     */
    async revealContact(complaintId: number) {
      const [row] = await db.select().from(complaintContacts).where(eq(complaintContacts.complaintId, complaintId));
      return row ?? null;
    },

    async byId(instansiId: number, id: number): Promise<ComplaintRow | undefined> {
      const [row] = await db.select().from(complaints).where(and(eq(complaints.instansiId, instansiId), eq(complaints.id, id)));
      return row;
    },

    /** The complaints stored under the codes a typed code may stand for (almost always one). */
    async byCodes(candidates: string[]): Promise<ComplaintRow[]> {
      if (candidates.length === 0) return [];
      return db.select().from(complaints).where(inArray(complaints.trackingCode, candidates));
    },

    /** Updates a complaint only if it is still in `expected` status (two officials acting at once). */
    async update(id: number, expected: ComplaintStatusValue, set: Partial<typeof complaints.$inferInsert>): Promise<ComplaintRow | undefined> {
      const [row] = await db
        .update(complaints)
        .set(set)
        .where(and(eq(complaints.id, id), eq(complaints.status, expected)))
        .returning();
      return row;
    },

    async list(instansiId: number, where: SQL, limit: number, offset: number): Promise<ComplaintListRow[]> {
      return rows<ComplaintListRow>(
        db,
        sql`select ${LIST_COLUMNS}, count(*) over ()::int as total ${FROM}
            where c.instansi_id = ${instansiId} and ${where}
            order by c.received_at desc, c.id desc limit ${limit} offset ${offset}`,
      );
    },

    async addHistory(entries: NewHistory[]): Promise<void> {
      if (entries.length > 0) await db.insert(complaintHistory).values(entries);
    },

    async history(complaintId: number) {
      return rows<{
        id: number;
        at: Date;
        kind: string;
        fromStatus: ComplaintStatusValue | null;
        toStatus: ComplaintStatusValue | null;
        actorKind: 'PELAPOR' | 'PETUGAS' | 'SISTEM';
        actorName: string | null;
        unitId: number | null;
        unitName: string | null;
        employeeId: number | null;
        note: string | null;
        visibleToComplainant: boolean;
      }>(
        db,
        sql`select h.id, h.at, h.kind, h.from_status as "fromStatus", h.to_status as "toStatus", h.actor_kind as "actorKind",
                   h.actor_name as "actorName", h.unit_id as "unitId", u.name as "unitName", h.employee_id as "employeeId",
                   h.note, h.visible_to_complainant as "visibleToComplainant"
            from complaint_history h left join org_units u on u.id = h.unit_id
            where h.complaint_id = ${complaintId} order by h.at, h.id`,
      );
    },

    async attachments(complaintId: number) {
      return db
        .select({
          id: complaintAttachments.id,
          fileName: complaintAttachments.fileName,
          mimeType: complaintAttachments.mimeType,
          sizeBytes: complaintAttachments.sizeBytes,
        })
        .from(complaintAttachments)
        .where(eq(complaintAttachments.complaintId, complaintId))
        .orderBy(asc(complaintAttachments.id));
    },

    async attachmentContent(complaintId: number, attachmentId: number) {
      const [row] = await db
        .select()
        .from(complaintAttachments)
        .where(and(eq(complaintAttachments.complaintId, complaintId), eq(complaintAttachments.id, attachmentId)));
      return row;
    },

    async addAttachment(values: typeof complaintAttachments.$inferInsert) {
      const [row] = await db.insert(complaintAttachments).values(values).returning({
        id: complaintAttachments.id,
        fileName: complaintAttachments.fileName,
        mimeType: complaintAttachments.mimeType,
        sizeBytes: complaintAttachments.sizeBytes,
      });
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async response(complaintId: number) {
      const [row] = await db.select().from(complaintResponses).where(eq(complaintResponses.complaintId, complaintId));
      return row;
    },

    async upsertResponse(complaintId: number, employeeId: number, at: Date, response: string | null) {
      const existing = await this.response(complaintId);
      if (!existing) {
        await db.insert(complaintResponses).values({ complaintId, employeeId, acknowledgedAt: at, response, respondedAt: response === null ? null : at });
        return;
      }
      if (response !== null) await db.update(complaintResponses).set({ response, respondedAt: at }).where(eq(complaintResponses.complaintId, complaintId));
    },

    async evidence(complaintId: number) {
      const [row] = await db.select().from(feedbackEvidence).where(eq(feedbackEvidence.complaintId, complaintId));
      return row;
    },

    async addEvidence(values: typeof feedbackEvidence.$inferInsert) {
      const [row] = await db.insert(feedbackEvidence).values(values).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async evidenceOf(employeeId: number) {
      return rows<{
        id: number;
        complaintId: number;
        aspect: string;
        category: string;
        description: string;
        receivedOn: string;
        response: string | null;
        note: string | null;
        attachedAt: Date;
      }>(
        db,
        sql`select fe.id, fe.complaint_id as "complaintId", fe.aspect, c.category,
                   coalesce(c.redacted_description, c.description) as description, c.received_on::text as "receivedOn",
                   r.response, fe.note, fe.attached_at as "attachedAt"
            from feedback_evidence fe join complaints c on c.id = fe.complaint_id
            left join complaint_responses r on r.complaint_id = c.id
            where fe.employee_id = ${employeeId} order by c.received_on desc, fe.id desc`,
      );
    },

    /** Same text about the same unit from the same client today (a resubmission). */
    async sameClientDuplicate(clientHash: string, contentHash: string): Promise<boolean> {
      const [row] = await db
        .select({ id: complaints.id })
        .from(complaints)
        .where(and(eq(complaints.clientHash, clientHash), eq(complaints.contentHash, contentHash)))
        .limit(1);
      return row !== undefined;
    },

    /** An earlier complaint with the same text about the same unit in the last 30 days (flagged, not refused). */
    async earlierSameText(instansiId: number, contentHash: string, since: string): Promise<number | null> {
      const [row] = await rows<{ id: number }>(
        db,
        sql`select id from complaints where instansi_id = ${instansiId} and content_hash = ${contentHash}
              and received_on >= ${since}::date order by id limit 1`,
      );
      return row?.id ?? null;
    },

    /** Open complaints whose stage deadline has passed, a page at a time by id (the sweep). */
    async overdue(today: string, afterId: number, limit: number): Promise<ComplaintRow[]> {
      return db
        .select()
        .from(complaints)
        .where(
          sql`${complaints.status} in ('DITERIMA', 'DIVERIFIKASI', 'DIDISPOSISIKAN', 'DITINDAKLANJUTI')
              and ${complaints.dueOn} < ${today}::date and ${complaints.id} > ${afterId}`,
        )
        .orderBy(asc(complaints.id))
        .limit(limit);
    },
  };
}

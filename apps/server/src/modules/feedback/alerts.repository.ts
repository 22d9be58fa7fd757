import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { feedbackAlerts } from '../../db/schema/index.js';
import { publishEvent } from '../realtime/events.repository.js';

export type AlertRow = typeof feedbackAlerts.$inferSelect;

export interface NewAlert {
  instansiId: number;
  kind: 'COMPLAINT' | 'LOW_SURVEY';
  complaintId?: number;
  surveyResponseId?: number;
  unitId: number;
  subjectEmployeeId: number | null;
  responsibleEmployeeId: number | null;
  at: Date;
}

export interface AlertListRow {
  id: number;
  kind: 'COMPLAINT' | 'LOW_SURVEY';
  createdAt: Date;
  unitId: number;
  unitName: string;
  subjectEmployeeId: number | null;
  responsibleEmployeeId: number | null;
  complaintId: number | null;
  complaintCategory: string | null;
  complaintStatus: string | null;
  surveyAnswers: number[] | null;
  surveyComment: string | null;
  servicePointName: string | null;
  followUpNote: string | null;
  followedUpAt: Date | null;
  total: number;
}

/**
 * The single place where citizen feedback becomes a live event for supervisors
 * ('complaint.received', 'survey.low_score', 'complaint.escalated', 'complaint.reopened'):
 * written in the same transaction as the change. Payloads carry ids, names of units and
 * services and the category or score — never the complainant, never the complaint text.
 */
export async function publishFeedbackEvent(
  tx: Tx,
  event: { instansiId: number; type: string; subjectEmployeeIds: number[]; payload: Record<string, unknown> },
): Promise<void> {
  if (event.subjectEmployeeIds.length === 0) return;
  await publishEvent(tx, event);
}

export function alertsRepository(db: DbOrTx) {
  return {
    async insert(alert: NewAlert): Promise<AlertRow> {
      const [row] = await db
        .insert(feedbackAlerts)
        .values({
          instansiId: alert.instansiId,
          kind: alert.kind,
          complaintId: alert.complaintId ?? null,
          surveyResponseId: alert.surveyResponseId ?? null,
          unitId: alert.unitId,
          subjectEmployeeId: alert.subjectEmployeeId,
          responsibleEmployeeId: alert.responsibleEmployeeId,
          createdAt: alert.at,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async find(instansiId: number, id: number): Promise<AlertRow | undefined> {
      const [row] = await db.select().from(feedbackAlerts).where(and(eq(feedbackAlerts.instansiId, instansiId), eq(feedbackAlerts.id, id)));
      return row;
    },

    async recordFollowUp(id: number, note: string, userId: number, at: Date): Promise<AlertRow | undefined> {
      const [row] = await db
        .update(feedbackAlerts)
        .set({ followUpNote: note, followedUpAt: at, followedUpByUserId: userId })
        .where(and(eq(feedbackAlerts.id, id), isNull(feedbackAlerts.followedUpAt)))
        .returning();
      return row;
    },

    /** Alerts matching `where` (on alias fa), newest first, with what the list shows; one statement. */
    async list(instansiId: number, where: SQL, limit: number, offset: number): Promise<AlertListRow[]> {
      return rows<AlertListRow>(
        db,
        sql`select fa.id, fa.kind, fa.created_at as "createdAt", fa.unit_id as "unitId", u.name as "unitName",
                   fa.subject_employee_id as "subjectEmployeeId", fa.responsible_employee_id as "responsibleEmployeeId",
                   fa.complaint_id as "complaintId", c.category as "complaintCategory", c.status::text as "complaintStatus",
                   case when sr.id is null then null else array[sr.u1, sr.u2, sr.u3, sr.u4, sr.u5, sr.u6, sr.u7, sr.u8, sr.u9]::int[] end as "surveyAnswers",
                   sr.comment as "surveyComment", sp.name as "servicePointName",
                   fa.follow_up_note as "followUpNote", fa.followed_up_at as "followedUpAt", count(*) over ()::int as total
            from feedback_alerts fa
            join org_units u on u.id = fa.unit_id
            left join complaints c on c.id = fa.complaint_id
            left join survey_responses sr on sr.id = fa.survey_response_id
            left join service_points sp on sp.id = coalesce(sr.service_point_id, c.service_point_id)
            where fa.instansi_id = ${instansiId} and ${where}
            order by fa.created_at desc, fa.id desc
            limit ${limit} offset ${offset}`,
      );
    },
  };
}

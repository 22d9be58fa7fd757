import { and, eq } from 'drizzle-orm';
import type { SurveySubmitBody } from '@pantau/contracts';
import { isLowScore, responseIkm } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { surveyResponses } from '../../db/schema/index.js';
import { conflict, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { raiseAlert, resolveResponsible } from './alerts.raise.js';
import type { FeedbackSettings } from './feedback.settings.js';
import { servicePointsRepository } from './service-points.repository.js';
import { cleanOptional, clientHash, sha256 } from './text.js';

/** The nine answers as the u1 … u9 columns (zod has checked there are nine). */
function answerColumns(a: readonly number[]) {
  const at = (i: number): number => {
    const v = a[i];
    if (v === undefined) throw validation([{ path: `body.answers.${i}`, code: 'required' }]);
    return v;
  };
  return { u1: at(0), u2: at(1), u3: at(2), u4: at(3), u5: at(4), u6: at(5), u7: at(6), u8: at(7), u9: at(8) };
}

export interface PublicClient {
  ip: string;
  userAgent: string;
}

/**
 * Public SKM answers. Nothing about the respondent is stored beyond the optional profile; the
 * daily client hash only catches the same answers sent twice. Survey answers are append-only
 * citizen data, not official acts, so they are not written to the audit log (see decision 0004).
 */
export function createSurveyService({ db, clock, settings }: { db: Db; clock: Clock; settings: FeedbackSettings }) {
  const spRepo = servicePointsRepository(db);

  return {
    async submit(slug: string, body: SurveySubmitBody, client: PublicClient) {
      const now = clock.now();
      const day = wibDate(now);
      // Honeypot: answer like a success so robots learn nothing, store nothing.
      if (body.website !== undefined && body.website.trim() !== '') return { receivedOn: day };
      const found = await spRepo.findBySlug(slug);
      if (!found || !found.sp.active) throw notFound();
      const sp = found.sp;
      const comment = cleanOptional(body.comment);
      const servedBy = body.servedByEmployeeId ?? null;
      if (servedBy !== null) {
        const staff = await spRepo.publicStaff(sp.id, sp.unitId, day);
        if (!staff.some((s) => s.id === servedBy)) throw validation([{ path: 'body.servedByEmployeeId', code: 'STAFF_NOT_LISTED' }]);
      }
      const cHash = clientHash(settings.clientHashSecret, client.ip, client.userAgent, day);
      const contentHash = sha256(JSON.stringify([sp.id, body.answers, comment, servedBy, body.ageGroup, body.sex, body.education, body.job]));
      const [dupe] = await db
        .select({ id: surveyResponses.id })
        .from(surveyResponses)
        .where(and(eq(surveyResponses.clientHash, cHash), eq(surveyResponses.contentHash, contentHash)))
        .limit(1);
      if (dupe) throw conflict([{ path: 'body', code: 'SURVEY_DUPLICATE' }]);

      const options = { weightVariant: settings.ikmWeightVariant };
      const low = isLowScore(body.answers, settings.lowScoreThreshold, options);
      const responsible = low ? await resolveResponsible(db, sp.unitId, servedBy, day) : null;
      const answers = answerColumns(body.answers);
      const values = {
        instansiId: sp.instansiId,
        servicePointId: sp.id,
        unitId: sp.unitId,
        respondedOn: day,
        createdAt: now,
        ...answers,
        ageGroup: body.ageGroup ?? null,
        sex: body.sex ?? null,
        education: body.education ?? null,
        job: body.job ?? null,
        comment,
        servedByEmployeeId: servedBy,
        lowScore: low,
        clientHash: cHash,
        contentHash,
      };
      // Most answers are one INSERT; a low score commits its supervisor alert with it.
      if (!responsible) {
        await db.insert(surveyResponses).values(values);
        return { receivedOn: day };
      }
      await db.transaction(async (tx) => {
        const [row] = await tx.insert(surveyResponses).values(values).returning({ id: surveyResponses.id });
        if (!row) throw new Error('insert returned nothing');
        await raiseAlert(tx, {
          instansiId: sp.instansiId,
          kind: 'LOW_SURVEY',
          eventType: 'survey.low_score',
          surveyResponseId: row.id,
          unitId: sp.unitId,
          subjectEmployeeId: servedBy,
          responsible,
          at: now,
          payload: {
            servicePointId: sp.id,
            servicePointName: sp.name,
            unitName: found.unitName,
            ikm: responseIkm(body.answers, options),
            respondedOn: day,
          },
        });
      });
      return { receivedOn: day };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;

import type { DailyReportDto, EvidenceFileDto } from '@pantau/contracts';
import { apiRequest } from '../../api/client';
import type { OutboxEntry } from '../../pwa/outbox';
import { toInput, type DaySubmission, type LocalActivity } from './model';

export async function uploadEvidence(blob: Blob, name: string): Promise<EvidenceFileDto> {
  const form = new FormData();
  form.append('file', blob, name);
  const { evidence } = await apiRequest<{ evidence: EvidenceFileDto; duplicate: boolean }>('/api/evidence', {
    method: 'POST',
    body: form,
  });
  return evidence;
}

/**
 * Sends one day from the outbox: first the files still on the phone (the server answers a file it
 * already has from this person with the same record, so a retry never doubles it), then the day,
 * with the entry's idempotency key. A day the server does not know yet is created with POST; one
 * it knows gets its whole activity list replaced with PUT, so a resend never adds activities twice.
 */
export async function sendDaySubmission(
  entry: OutboxEntry<DaySubmission>,
  save: (payload: DaySubmission) => Promise<void>,
): Promise<DailyReportDto> {
  let payload = entry.payload;
  for (let ai = 0; ai < payload.activities.length; ai++) {
    for (let ei = 0; ; ei++) {
      const activity = payload.activities[ai];
      const item = activity?.evidence[ei];
      if (!activity || !item) break;
      if (item.kind !== 'pending') continue;
      const file = await uploadEvidence(item.blob, item.name);
      const updated: LocalActivity = {
        ...activity,
        evidence: activity.evidence.map((e, i) => (i === ei ? { kind: 'uploaded' as const, file } : e)),
      };
      payload = { ...payload, activities: payload.activities.map((a, i) => (i === ai ? updated : a)) };
      await save(payload);
    }
  }
  // The server dedupes on this header (modules/daily-reports/idempotency.ts): same key, same answer.
  const headers = { 'Idempotency-Key': entry.key };
  if (payload.reportId === null) {
    const { dailyReport } = await apiRequest<{ dailyReport: DailyReportDto }>('/api/daily-reports', {
      method: 'POST',
      headers,
      body: { date: payload.date, activities: payload.activities.map((a) => toInput(a, false)), submit: payload.submit },
    });
    return dailyReport;
  }
  const { dailyReport } = await apiRequest<{ dailyReport: DailyReportDto }>(`/api/daily-reports/${payload.reportId}`, {
    method: 'PUT',
    headers,
    body: { activities: payload.activities.map((a) => toInput(a, true)), submit: payload.submit },
  });
  return dailyReport;
}

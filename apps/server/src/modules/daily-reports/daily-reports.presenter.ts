import type { ActivityDto, DailyReportDto, DailyReportSummary } from '@pantau/contracts';
import { presentEvidence } from '../evidence/evidence.presenter.js';
import type { ActivityRow, DailyReportRow, EvidenceRow, SummaryRow } from './daily-reports.repository.js';

const hhmm = (t: string | null) => (t === null ? null : t.slice(0, 5));
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function presentActivity(a: ActivityRow, evidence: readonly EvidenceRow[]): ActivityDto {
  return {
    id: a.id,
    seq: a.seq,
    startTime: hhmm(a.startTime),
    endTime: hhmm(a.endTime),
    minutes: a.minutes,
    description: a.description,
    rhkId: a.rhkId,
    indicatorId: a.indicatorId,
    linked: a.rhkId !== null || a.indicatorId !== null,
    outputQuantity: a.outputQuantity === null ? null : Number(a.outputQuantity),
    outputUnit: a.outputUnit,
    status: a.status,
    note: a.note,
    evidence: evidence.map(presentEvidence),
  };
}

export function presentSummary(r: SummaryRow): DailyReportSummary {
  return {
    id: r.id,
    employee: { id: r.employeeId, name: r.employeeName },
    date: r.date,
    status: r.status,
    totalMinutes: r.totalMinutes,
    activityCount: r.activityCount,
    submittedAt: iso(r.submittedAt === null ? null : new Date(r.submittedAt)),
    decidedAt: iso(r.decidedAt === null ? null : new Date(r.decidedAt)),
    returnNote: r.returnNote,
  };
}

export interface ReportView {
  report: DailyReportRow;
  activities: readonly ActivityRow[];
  evidence: ReadonlyArray<{ activityId: number; evidence: EvidenceRow }>;
  names: ReadonlyMap<number, string>;
  normMinutes: number;
  abilities: DailyReportDto['abilities'];
}

/** The only row → JSON path for a whole daily report. */
export function presentReport(v: ReportView): DailyReportDto {
  const byActivity = new Map<number, EvidenceRow[]>();
  for (const link of v.evidence) {
    const list = byActivity.get(link.activityId) ?? [];
    list.push(link.evidence);
    byActivity.set(link.activityId, list);
  }
  const person = (id: number | null) => (id === null ? null : { id, name: v.names.get(id) ?? '' });
  const r = v.report;
  return {
    id: r.id,
    employee: { id: r.employeeId, name: v.names.get(r.employeeId) ?? '' },
    date: r.date,
    status: r.status,
    totalMinutes: r.totalMinutes,
    activityCount: r.activityCount,
    normMinutes: v.normMinutes,
    submittedAt: iso(r.submittedAt),
    firstSubmittedAt: iso(r.firstSubmittedAt),
    decidedAt: iso(r.decidedAt),
    decidedBy: person(r.decidedByEmployeeId),
    verifier: person(r.verifierEmployeeId),
    returnNote: r.returnNote,
    activities: v.activities.map((a) => presentActivity(a, byActivity.get(a.id) ?? [])),
    abilities: v.abilities,
  };
}

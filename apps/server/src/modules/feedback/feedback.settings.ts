import { randomBytes } from 'node:crypto';
import type { NoticeChannels } from './complainant-notices.js';
import { COMPLAINT_SLA_LAPOR, type ComplaintSlaConfig, type IkmWeightVariant } from '@pantau/domain';

/**
 * Settings of the citizen-feedback module. Defaults are documented here and in
 * docs/decisions/0004-citizen-feedback.md; main.ts will wire them from the environment
 * (see the report to the lead) — until then the defaults apply.
 */
export interface FeedbackSettings {
  /** Origin printed on QR posters (https://pantau.lhokseumawekota.go.id); null = the request's own. */
  publicBaseUrl: string | null;
  /** Key of the daily client hash used for duplicate detection. Random per process by default. */
  clientHashSecret: string;
  /** Hari-kerja limits: verify+forward / unit follow-up / closing after follow-up. */
  sla: ComplaintSlaConfig;
  /** The complainant may reopen up to this many hari kerja after the follow-up or closure. */
  reopenWindowWorkingDays: number;
  maxReopens: number;
  /** One more level up for every further this-many hari kerja overdue. */
  escalationStepWorkingDays: number;
  /** Without an answer, a named employee's chance to respond ends this many hari kerja after they saw it. */
  responseWindowWorkingDays: number;
  /** A questionnaire whose own IKM is below this (25–100) alerts the supervisor. */
  lowScoreThreshold: number;
  /** Public figures about fewer people than this are withheld. */
  minGroupSize: number;
  ikmWeightVariant: IkmWeightVariant;
  /** Per client address, per window. */
  rateLimits: { windowMs: number; surveys: number; complaints: number; lookups: number; uploads: number };
  /** Where the limits are counted: per process in memory, or in PostgreSQL shared by all processes. */
  rateStore: 'memory' | 'postgresql';
  /** Public transparency and open data are cached this long per instansi and year. */
  publicCacheMs: number;
  /** How often deadlines are checked (escalation, closing); 0 = never on a timer. */
  sweepIntervalMs: number;
  /** Ways to reach a complainant who left a contact (SMTP / SMS gateway configured). */
  complainantChannels: NoticeChannels;
}

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  publicBaseUrl: null,
  clientHashSecret: randomBytes(32).toString('hex'),
  sla: COMPLAINT_SLA_LAPOR,
  reopenWindowWorkingDays: 10,
  maxReopens: 2,
  escalationStepWorkingDays: 3,
  responseWindowWorkingDays: 5,
  lowScoreThreshold: 65,
  minGroupSize: 5,
  ikmWeightVariant: 'exact',
  rateLimits: { windowMs: 10 * 60_000, surveys: 30, complaints: 5, lookups: 60, uploads: 10 },
  rateStore: 'memory',
  publicCacheMs: 30_000,
  sweepIntervalMs: 5 * 60_000,
  complainantChannels: { email: false, phone: false },
};

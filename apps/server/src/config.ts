import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting Pantau reads, from environment variables. Documented in README.md
 * ("Configuration"); keep the two in step.
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    PANTAU_DATA_DIR: z.string().min(1).default('./data'),
    PANTAU_DEMO: bool.default(true),
    PANTAU_DEMO_SIZE: z.enum(['small', 'full']).default('small'),
    PANTAU_DEMO_DAILY_DAYS: z.coerce.number().int().min(0).max(60).optional(),
    PANTAU_ADMIN_NIP: z.string().regex(/^\d{18}$/, 'must be an 18-digit NIP').optional(),
    PANTAU_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    PANTAU_ADMIN_INSTANSI: z.string().min(2).default('lhokseumawe'),
    PANTAU_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    PANTAU_SECURE_COOKIES: bool.optional(),
    PANTAU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(50).default(5),
    PANTAU_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    PANTAU_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    PANTAU_BODY_LIMIT_MB: z.coerce.number().min(1).max(200).default(10),
    PANTAU_TRUST_PROXY: bool.default(false),
    PANTAU_WEB_DIST: z.string().optional(),
    PANTAU_FILES_DIR: z.string().min(1).optional(),
    PANTAU_PUBLIC_URL: z.string().url('must be a full URL such as https://pantau.example.go.id').optional(),
    PANTAU_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    PANTAU_MAIL_FROM: z.string().email('must be an e-mail address').default('pantau@localhost'),
    PANTAU_SMS_GATEWAY_URL: z.string().regex(/^https?:\/\//, 'must start with http:// or https://').optional(),
    PANTAU_SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    PANTAU_REPORT_BACKDATE_DAYS: z.coerce.number().int().min(0).max(30).default(3),
    PANTAU_REMINDER_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (WIB)').default('15:00'),
    PANTAU_FEEDBACK_HASH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    PANTAU_PUBLIC_MIN_GROUP: z.coerce.number().int().min(1).max(1000).default(5),
    PANTAU_SKM_LOW_SCORE: z.coerce.number().min(25).max(100).default(65),
    PANTAU_IKM_WEIGHT: z.enum(['exact', '0.111']).default('exact'),
    PANTAU_COMPLAINT_SLA_DAYS: z
      .string()
      .regex(/^\d{1,2},\d{1,2},\d{1,2}$/, 'must be three working-day counts, e.g. 3,5,10')
      .default('3,5,10'),
    PANTAU_COMPLAINT_REOPEN_DAYS: z.coerce.number().int().min(0).max(60).default(10),
    PANTAU_TRAINING_ATTENDANCE_PERCENT: z.coerce
      .number()
      .int('must be a whole percentage')
      .min(1, 'must be between 1 and 100 (percent of a session\'s days)')
      .max(100, 'must be between 1 and 100 (percent of a session\'s days)')
      .default(80),
    PANTAU_TRAINING_QR_SECONDS: z.coerce
      .number()
      .int('must be whole seconds')
      .min(30, 'must be at least 30 seconds (phones need time to open the link)')
      .max(600, 'must be at most 600 seconds (a longer code is easy to forward)')
      .default(60),
    PANTAU_TRAINING_COMPARE_MONTHS: z.coerce.number().int('must be whole months').min(1, 'must be 1 to 12 months').max(12, 'must be 1 to 12 months').default(3),
    PANTAU_TRAINING_JP_TARGET: z.coerce
      .number()
      .min(1, 'must be between 1 and 500 JP a year')
      .max(500, 'must be between 1 and 500 JP a year')
      .refine((v) => Number.isInteger(v * 10), 'must have at most one decimal')
      .default(20),
    PANTAU_PUBLIC_RATE_LIMITS: z
      .string()
      .regex(/^\d{1,7},\d{1,7},\d{1,7},\d{1,7}$/, 'must be four counts per 10 minutes: surveys,complaints,lookups,uploads, e.g. 30,5,60,10')
      .default('30,5,60,10'),
    PANTAU_PUBLIC_RATE_STORE: z.enum(['memory', 'postgresql']).default('memory'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().optional(),
  })
  .refine((c) => !c.PANTAU_ADMIN_NIP === !c.PANTAU_ADMIN_PASSWORD, {
    message: 'PANTAU_ADMIN_NIP and PANTAU_ADMIN_PASSWORD must be set together',
    path: ['PANTAU_ADMIN_PASSWORD'],
  });

export interface Config {
  port: number;
  host: string;
  database: { driver: 'postgresql'; url: string; poolSize: number } | { driver: 'pglite'; dataDir: string };
  /** dailyReportDays: working days of demo daily reports (0: none). */
  demo: { enabled: boolean; size: 'small' | 'full'; dailyReportDays: number };
  bootstrapAdmin?: { nip: string; password: string; instansiCode: string };
  session: { hours: number; secureCookies: boolean };
  login: { maxFailures: number; lockoutMinutes: number; ratePerMinute: number };
  bodyLimitBytes: number;
  trustProxy: boolean;
  webDist?: string;
  logLevel: string;
  /** Evidence and attachment files (content-addressed). */
  filesDir: string;
  publicUrl: string | null;
  mail: { smtpUrl: string; from: string } | null;
  /** Generic HTTP SMS/WhatsApp gateway (POST JSON {to, text}); null = no text messages. */
  sms: { url: string; token: string | null } | null;
  dailyReports: { backdateWorkingDays: number; reminderTime: string };
  feedback: {
    clientHashSecret?: string;
    minGroupSize: number;
    lowScoreThreshold: number;
    ikmWeightVariant: 'exact' | '0.111';
    slaWorkingDays: { VERIFIKASI: number; TINDAK_LANJUT: number; PENUTUPAN: number };
    reopenWindowWorkingDays: number;
    /** Per client address per 10 minutes, on the public (no sign-in) routes. */
    rateLimits: { surveys: number; complaints: number; lookups: number; uploads: number };
    /** memory: per process; postgresql: one count shared by every process on the database. */
    rateStore: 'memory' | 'postgresql';
  };
  /** Rules of the training module (issue 6, decision 0006). */
  training: { attendanceShare: number; qrWindowSeconds: number; compareMonths: number; jpTarget: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every bad variable by name. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL
      ? { driver: 'postgresql', url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE }
      : { driver: 'pglite', dataDir: resolve(c.PANTAU_DATA_DIR) },
    demo: { enabled: c.PANTAU_DEMO, size: c.PANTAU_DEMO_SIZE, dailyReportDays: c.PANTAU_DEMO_DAILY_DAYS ?? (c.PANTAU_DEMO_SIZE === 'full' ? 5 : 20) },
    bootstrapAdmin:
      c.PANTAU_ADMIN_NIP && c.PANTAU_ADMIN_PASSWORD
        ? { nip: c.PANTAU_ADMIN_NIP, password: c.PANTAU_ADMIN_PASSWORD, instansiCode: c.PANTAU_ADMIN_INSTANSI }
        : undefined,
    session: {
      hours: c.PANTAU_SESSION_HOURS,
      secureCookies: c.PANTAU_SECURE_COOKIES ?? c.NODE_ENV === 'production',
    },
    login: {
      maxFailures: c.PANTAU_LOGIN_MAX_FAILURES,
      lockoutMinutes: c.PANTAU_LOCKOUT_MINUTES,
      ratePerMinute: c.PANTAU_LOGIN_RATE_PER_MINUTE,
    },
    bodyLimitBytes: Math.round(c.PANTAU_BODY_LIMIT_MB * 1024 * 1024),
    trustProxy: c.PANTAU_TRUST_PROXY,
    webDist: c.PANTAU_WEB_DIST,
    logLevel: c.LOG_LEVEL,
    filesDir: resolve(c.PANTAU_FILES_DIR ?? join(c.DATABASE_URL ? './data' : c.PANTAU_DATA_DIR, 'files')),
    publicUrl: c.PANTAU_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    mail: c.PANTAU_SMTP_URL ? { smtpUrl: c.PANTAU_SMTP_URL, from: c.PANTAU_MAIL_FROM } : null,
    sms: c.PANTAU_SMS_GATEWAY_URL ? { url: c.PANTAU_SMS_GATEWAY_URL, token: c.PANTAU_SMS_GATEWAY_TOKEN ?? null } : null,
    dailyReports: { backdateWorkingDays: c.PANTAU_REPORT_BACKDATE_DAYS, reminderTime: c.PANTAU_REMINDER_TIME },
    feedback: {
      clientHashSecret: c.PANTAU_FEEDBACK_HASH_SECRET,
      minGroupSize: c.PANTAU_PUBLIC_MIN_GROUP,
      lowScoreThreshold: c.PANTAU_SKM_LOW_SCORE,
      ikmWeightVariant: c.PANTAU_IKM_WEIGHT,
      slaWorkingDays: slaDays(c.PANTAU_COMPLAINT_SLA_DAYS),
      reopenWindowWorkingDays: c.PANTAU_COMPLAINT_REOPEN_DAYS,
      rateLimits: publicLimits(c.PANTAU_PUBLIC_RATE_LIMITS),
      rateStore: c.PANTAU_PUBLIC_RATE_STORE,
    },
    training: {
      attendanceShare: c.PANTAU_TRAINING_ATTENDANCE_PERCENT / 100,
      qrWindowSeconds: c.PANTAU_TRAINING_QR_SECONDS,
      compareMonths: c.PANTAU_TRAINING_COMPARE_MONTHS,
      jpTarget: c.PANTAU_TRAINING_JP_TARGET,
    },
  };
}

function publicLimits(text: string) {
  const [surveys = 30, complaints = 5, lookups = 60, uploads = 10] = text.split(',').map(Number);
  return { surveys, complaints, lookups, uploads };
}

function slaDays(text: string) {
  const [v = 3, t = 5, p = 10] = text.split(',').map(Number);
  return { VERIFIKASI: v, TINDAK_LANJUT: t, PENUTUPAN: p };
}

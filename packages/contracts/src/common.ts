import { z } from 'zod';

/** Positive integer id in a path or body. */
export const IdSchema = z.coerce.number().int().min(1).describe('Numeric id (1 or more)');
export const IdParams = z.object({ id: IdSchema });

/** Calendar date as YYYY-MM-DD (interpreted in WIB). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE_FORMAT' })
  .describe('Date, YYYY-MM-DD (WIB)');

/** A bounded, trimmed string: every text field has a maximum matching its column. */
export const Text = (max: number) => z.string().trim().max(max);
export const RequiredText = (max: number) => z.string().trim().min(1).max(max);

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).describe('Rows per page (max 200)'),
});

export const PageMeta = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

/** Stable error codes. Messages are localised by the server from these. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CSRF_FAILED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'PASSWORD_CHANGE_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'INTERNAL_ERROR',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({
  path: z.string().describe('Dotted path of the field, e.g. "body.nip"'),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    requestId: z.string().optional(),
    fields: z.array(FieldError).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export const Locale = z.enum(['id', 'en']);
export type Locale = z.infer<typeof Locale>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

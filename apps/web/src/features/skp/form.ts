import type { ZodType } from 'zod';
import { ApiError } from '../../api/client';
import type { SummaryError } from '../../components/ui/ErrorSummary';

export type ProblemKind = 'required' | 'tooLong' | 'invalid';

/**
 * Checks form values with a contracts schema and returns problems keyed by field path
 * ("indicators.0.text"). The wording is the page's (through t()), not zod's English.
 */
export function checkWith<T>(schema: ZodType<T>, value: unknown): { ok: true; data: T } | { ok: false; problems: Record<string, ProblemKind> } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const problems: Record<string, ProblemKind> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.');
    if (problems[key]) continue;
    problems[key] = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid';
  }
  return { ok: false, problems };
}

/** Server field errors ("body.indicators.0.text") keyed like checkWith's problems. */
export function serverFieldMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) out[f.path.replace(/^body\./, '')] = f.message;
  return out;
}

/** The error summary list: field messages linking to `${idPrefix}-${path with dashes}`, then a general message. */
export function summaryFrom(fields: Record<string, string>, idPrefix: string, general?: string): SummaryError[] {
  const list: SummaryError[] = Object.entries(fields).map(([path, message]) => ({ fieldId: fieldId(idPrefix, path), message }));
  if (general && !list.some((e) => e.message === general)) list.push({ message: general });
  return list;
}

export const fieldId = (prefix: string, path: string): string => `${prefix}-${path.replace(/\./g, '-')}`;

/** Server message of a failed mutation, when it is not already beside a field. */
export function generalMessage(error: unknown, fallback: string): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) return error.fields.length > 0 ? undefined : error.message;
  return fallback;
}

/** "1,5" or "1.5" → 1.5; "" → null; anything else NaN (the schema then reports it). */
export function parseNumberInput(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  return Number(trimmed.replace(',', '.'));
}

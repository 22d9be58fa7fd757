import { ApiError, lastSegment } from '../../api/client';
import type { SummaryError } from '../../components/ui/ErrorSummary';

/** The parts of a zod issue the forms read (zod stays an implementation detail of contracts). */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly code: string;
}

/** First problem per field, keyed by the dotted path ("contact.phone"). */
export function issuesByField(issues: readonly IssueLike[]): Map<string, IssueLike> {
  const out = new Map<string, IssueLike>();
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!out.has(key)) out.set(key, issue);
  }
  return out;
}

/**
 * Field messages for a form: client-side messages first, else the server's own (already in the
 * person's language) for fields whose path ends with the field's name.
 */
export function fieldErrors<K extends string>(
  names: readonly K[],
  local: Partial<Record<K, string>>,
  error: unknown,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = { ...local };
  if (error instanceof ApiError) {
    for (const f of error.fields) {
      const name = names.find((n) => n === lastSegment(f.path) || f.path.endsWith(`.${n}`));
      if (name && out[name] === undefined && f.message) out[name] = f.message;
    }
  }
  return out;
}

/**
 * The error summary: one line per field in form order (linking to `idOf(field)`), then the
 * server's message when no field explains the failure.
 */
export function summaryOf<K extends string>(
  names: readonly K[],
  errors: Partial<Record<K, string>>,
  idOf: (name: K) => string,
  error: unknown,
): SummaryError[] {
  const list: SummaryError[] = [];
  for (const n of names) {
    const message = errors[n];
    if (message) list.push({ fieldId: idOf(n), message });
  }
  if (list.length === 0 && error instanceof ApiError) {
    const fieldMessages = error.fields.map((f) => f.message).filter((m) => m !== '');
    if (fieldMessages.length > 0) for (const m of fieldMessages) list.push({ message: m });
    else list.push({ message: error.message });
  }
  return list;
}

/** True when the server answered with this field code (e.g. SURVEY_DUPLICATE). */
export function hasFieldCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.fields.some((f) => f.code === code);
}

import { ApiError, lastSegment } from '../../api/client';
import type { SummaryError } from '../../components/ui/ErrorSummary';

export { SelectField, TextArea } from '../../components/ui/Field';

/**
 * The server's problems as error-summary entries: each field problem links to the input whose id
 * is `${prefix}-${last path segment}`, when the form has one; others are listed without a link.
 */
export function summaryFrom(error: unknown, prefix: string, fieldIds: readonly string[] = []): SummaryError[] {
  if (!(error instanceof ApiError)) return error ? [{ message: String(error) }] : [];
  if (error.fields.length === 0) return [{ message: error.message }];
  return error.fields.map((f) => {
    const name = lastSegment(f.path);
    return { fieldId: fieldIds.includes(name) ? `${prefix}-${name}` : undefined, message: f.message };
  });
}

/** The server message for one field of a failed mutation, for the message under the input. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(name) : undefined;
}

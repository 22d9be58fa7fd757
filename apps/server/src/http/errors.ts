import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, Locale } from '@pantau/contracts';
import { errorMessages, fieldMessages, interpolate, localise } from './messages.js';

export interface FieldProblem {
  path: string;
  code: string;
  params?: Record<string, unknown>;
  /** Already-localised text (e.g. from a domain rule); used as is. */
  message?: string;
}

/** Every expected failure is an AppError; the error handler turns it into the envelope. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params?: Record<string, unknown>,
    readonly fields?: FieldProblem[],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED');
export const conflict = (fields?: FieldProblem[]) => new AppError(409, 'CONFLICT', undefined, fields);
export const validation = (fields: FieldProblem[]) => new AppError(400, 'VALIDATION_FAILED', undefined, fields);

function localiseField(p: FieldProblem, locale: Locale): FieldError {
  const message =
    p.message ?? localise(fieldMessages, p.code, locale, p.params) ?? localise(fieldMessages, 'custom', locale) ?? p.code;
  return { path: p.path, code: p.code, message };
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

function zodIssueToField(prefix: string, issue: ZodLikeIssue): FieldProblem {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  // Our schemas put our own codes in the message (e.g. 'PASSWORD_TOO_SHORT').
  if (/^[A-Z_]+$/.test(issue.message) && issue.message in fieldMessages) {
    return { path, code: issue.message };
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return { path, code: 'required' };
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const kind = issue.origin === 'string' ? 'string' : issue.origin === 'number' ? 'number' : '';
    const code = kind ? `${issue.code}_${kind}` : issue.code;
    return { path, code, params: { minimum: issue.minimum, maximum: issue.maximum } };
  }
  return { path, code: issue.code };
}

export function installErrorHandler(app: FastifyInstance, opts: { bodyLimitLabel: string }): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? 'id';
    const send = (status: number, code: ErrorCode, params?: Record<string, unknown>, fields?: FieldProblem[]) =>
      reply.status(status).send({
        error: {
          code,
          message: interpolate(errorMessages[code][locale], { requestId: request.id, ...params }),
          requestId: request.id,
          ...(fields && fields.length > 0 ? { fields: fields.map((f) => localiseField(f, locale)) } : {}),
        },
      });

    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return send(error.status, error.code, error.params, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const issue: ZodLikeIssue = {
          ...params,
          code: v.keyword,
          message: v.message ?? '',
          path: v.instancePath.split('/').filter(Boolean),
        };
        return zodIssueToField(error.validationContext ?? '', issue);
      });
      return send(400, 'VALIDATION_FAILED', undefined, fields);
    }
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
      return send(413, 'PAYLOAD_TOO_LARGE', { limit: opts.bodyLimitLabel });
    }
    if (fe.statusCode === 429) return send(429, 'RATE_LIMITED');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, wrong content type and similar framework-level rejections.
      return send(fe.statusCode === 415 ? 415 : 400, fe.statusCode === 415 ? 'UNSUPPORTED_FILE' : 'VALIDATION_FAILED', undefined, [
        { path: 'body', code: 'invalid_format' },
      ]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'INTERNAL_ERROR');
  });
}

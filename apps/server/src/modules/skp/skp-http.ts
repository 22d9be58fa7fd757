import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorEnvelope } from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import type { SkpCtx } from './skp-context.js';

/** Error responses every SKP route may give. */
export const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };

/** A binary download (PDF, XLSX); Fastify sends buffers without serialising them. */
export const FileBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('The file (binary)');

/** The signed-in caller as the SKP services want it (401 when anonymous). */
export function skpCtx(request: FastifyRequest): SkpCtx {
  return { actor: requireActor(request), req: requestContext(request), locale: request.locale };
}

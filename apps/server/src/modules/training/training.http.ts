import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ErrorEnvelope } from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import type { CertificateFile } from './certificates.js';
import type { TrainingCtx } from './training.messages.js';

/** Error responses every training route may give. */
export const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
export const tags = ['training'];

/** A binary download (XLSX); Fastify sends buffers without serialising them. */
export const FileBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('The file (binary)');

/** The signed-in caller as the training services want it (401 when anonymous). */
export function trainingCtx(request: FastifyRequest): TrainingCtx {
  return { actor: requireActor(request), req: requestContext(request), locale: request.locale };
}

/** Where the web app is served, for the URL inside the attendance QR code. */
export function baseUrlOf(request: FastifyRequest, configured: string | null): string {
  return configured ?? `${request.protocol}://${request.host}`;
}

const INLINE = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/** Streams a stored certificate with safe headers (as the evidence route does). */
export function sendCertificate(reply: FastifyReply, file: CertificateFile, stream: Readable) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', file.sizeBytes)
    .header('content-disposition', `${INLINE.has(file.mimeType) ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'private, max-age=3600')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('x-content-type-options', 'nosniff')
    .send(stream);
}

/** Sends an XLSX workbook as a download. */
export function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(body);
}

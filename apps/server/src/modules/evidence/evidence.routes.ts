import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope, EvidenceResponse, IdParams } from '@pantau/contracts';
import { requestContext, requireActor } from '../../http/authenticate.js';
import type { EvidenceService, Upload } from './evidence.service.js';
import { isInline } from './file-type.js';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

/** The multipart field `file` as a stream (never buffered whole), or null. */
async function fileFrom(request: FastifyRequest, maxBytes: number): Promise<Upload | null> {
  if (!request.isMultipart()) return null;
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  if (!part) return null;
  if (part.fieldname !== 'file') {
    part.file.resume();
    return null;
  }
  return { filename: part.filename || 'berkas', stream: part.file, truncated: () => part.file.truncated };
}

function contentDisposition(mime: string, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${isInline(mime) ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function evidenceRoutes(app: FastifyInstance, service: EvidenceService, opts: { maxBytes: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/evidence',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'Upload one evidence file (multipart field "file"): JPEG, PNG, WebP, PDF, DOCX or XLSX, checked by content',
        description:
          'Photos keep their EXIF time and location. The same file uploaded again by you answers 200 with the existing record. ' +
          'Too large: 413 PAYLOAD_TOO_LARGE; another type (e.g. a renamed .exe): 415 UNSUPPORTED_FILE.',
        consumes: ['multipart/form-data'],
        response: { 200: EvidenceResponse, 201: EvidenceResponse, ...errors, 413: ErrorEnvelope, 415: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await service.upload(actor, await fileFrom(request, opts.maxBytes), requestContext(request));
      reply.status(result.duplicate ? 200 : 201);
      return result;
    },
  );

  r.get(
    '/api/evidence/:id/preview',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'A resized JPEG of a photo for viewing (max 1280 px wide, no EXIF/GPS); 404 for other files',
        params: IdParams,
        response: { 200: z.any().describe('JPEG'), ...errors },
      },
    },
    async (request, reply) => {
      const jpeg = await service.preview(requireActor(request), request.params.id);
      reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff');
      return reply.send(jpeg);
    },
  );

  r.get(
    '/api/evidence/:id/content',
    {
      schema: {
        tags: ['daily-reports'],
        summary: 'The evidence file itself (images and PDF inline, office documents as download)',
        params: IdParams,
        response: { 200: z.any().describe('The file'), ...errors },
      },
    },
    async (request, reply) => {
      const { row, stream } = await service.open(requireActor(request), request.params.id);
      reply
        .header('content-type', row.mimeType)
        .header('content-length', row.sizeBytes)
        .header('content-disposition', contentDisposition(row.mimeType, row.originalName))
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .header('x-content-type-options', 'nosniff');
      return reply.send(stream);
    },
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  COMPLAINT_LIMITS,
  ComplaintAttachmentResponse,
  ComplaintCreatedResponse,
  ComplaintReopenBody,
  ComplaintTrackingParams,
  CreateComplaintBody,
  PublicComplaintListResponse,
  TrackedComplaintResponse,
} from '@pantau/contracts';
import { AppError } from '../../http/errors.js';
import type { PublicComplaintService, UploadedFile } from './complaints.public.service.js';
import { publicErrors } from './feedback-http.js';
import type { PublicGuard } from './public-guard.js';

const tags = ['public'];
const TOKEN_HEADER = 'x-tracking-token';
const limitLabel = `${Math.round(COMPLAINT_LIMITS.attachmentBytesMax / 1024 / 1024)} MB`;

/** The token travels in a header, never in the URL (URLs end up in logs and Referer headers). */
function token(request: FastifyRequest): string | undefined {
  const value = request.headers[TOKEN_HEADER];
  return typeof value === 'string' ? value.trim().slice(0, 100) : undefined;
}

/** The single multipart field `file`, at most the attachment limit. */
async function readUpload(request: FastifyRequest): Promise<UploadedFile | null> {
  if (!request.isMultipart()) return null;
  try {
    const part = await request.file({ limits: { fileSize: COMPLAINT_LIMITS.attachmentBytesMax, files: 1 } });
    if (!part) return null;
    if (part.fieldname !== 'file') {
      part.file.resume();
      return null;
    }
    return { filename: part.filename || undefined, data: await part.toBuffer() };
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', { limit: limitLabel });
    }
    throw err;
  }
}

export function publicComplaintRoutes(app: FastifyInstance, deps: { complaints: PublicComplaintService; guard: PublicGuard }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { complaints, guard } = deps;

  r.post(
    '/api/public/complaints',
    {
      schema: {
        tags,
        summary:
          'Send a complaint (no sign-in). Rahasia by default; anonim hides the complainant from every official. Returns the tracking code and a secret token, shown once.',
        body: CreateComplaintBody,
        response: { 201: ComplaintCreatedResponse, ...publicErrors },
      },
    },
    async (request, reply) => {
      const client = await guard.client(request, 'complaints');
      return reply.status(201).send(await complaints.create(request.body, client, request.id));
    },
  );

  r.get(
    '/api/public/complaints/:code',
    {
      schema: {
        tags,
        summary: `Follow a complaint: tracking code in the path, token in the ${TOKEN_HEADER} header (404 when either is wrong)`,
        params: ComplaintTrackingParams,
        response: { 200: TrackedComplaintResponse, ...publicErrors },
      },
    },
    async (request) => {
      await guard.client(request, 'lookups');
      return { complaint: await complaints.track(request.params.code, token(request)) };
    },
  );

  r.post(
    '/api/public/complaints/:code/reopen',
    {
      schema: {
        tags,
        summary: 'The complainant reopens after a follow-up or closure, within the window (hari kerja)',
        params: ComplaintTrackingParams,
        body: ComplaintReopenBody,
        response: { 200: TrackedComplaintResponse, ...publicErrors },
      },
    },
    async (request) => {
      await guard.client(request, 'lookups');
      return { complaint: await complaints.reopen(request.params.code, token(request), request.body.reason, request.id) };
    },
  );

  r.post(
    '/api/public/complaints/:code/attachments',
    {
      schema: {
        tags,
        summary: `Add a photo (JPG/PNG) or PDF before verification: multipart field "file", at most ${limitLabel} and ${COMPLAINT_LIMITS.attachmentsMax} files; photo metadata (GPS, device) is removed`,
        params: ComplaintTrackingParams,
        consumes: ['multipart/form-data'],
        response: { 201: ComplaintAttachmentResponse, ...publicErrors },
      },
    },
    async (request, reply) => {
      await guard.client(request, 'uploads');
      const file = await readUpload(request);
      return reply.status(201).send({ attachment: await complaints.attach(request.params.code, token(request), file, request.id) });
    },
  );

  r.get(
    '/api/public/service-points/:slug/complaints',
    {
      schema: {
        tags,
        summary: 'Verified, non-rahasia complaints about a service (no personal data)',
        params: z.object({ slug: z.string().trim().toLowerCase().max(80) }),
        response: { 200: PublicComplaintListResponse, ...publicErrors },
      },
    },
    async (request) => {
      await guard.client(request, 'lookups');
      return { complaints: await complaints.listPublic(request.params.slug) };
    },
  );
}

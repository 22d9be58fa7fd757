import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, SkpDocumentVerifyParams, SkpDocumentVerifyQuery, SkpDocumentVerifyResponse, SkpPeriodParams, SkpRecapQuery } from '@pantau/contracts';
import { FileBody, errors, skpCtx } from '../skp-http.js';
import type { IssuedFile, SkpDocumentsService } from './documents.service.js';

const tags = ['skp-documents'];
/** The configured public URL (PANTAU_PUBLIC_URL) for QR links; the request's host only when none is set (development). */
const baseUrlFor = (publicUrl: string | null) => (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;
const disposition = (f: IssuedFile) => `attachment; filename="${f.fileName.replace(/[^\w.-]+/g, '_')}"`;

/** PDF and XLSX downloads, and the public verification of an issued document. */
export function skpDocumentRoutes(app: FastifyInstance, docs: SkpDocumentsService, opts: { publicUrl: string | null } = { publicUrl: null }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const baseUrl = baseUrlFor(opts.publicUrl?.replace(/\/+$/, '') ?? null);

  r.get('/api/skp/:id/document.pdf', { schema: { tags, summary: 'SKP as PDF (official layout, QR verification)', params: IdParams, produces: ['application/pdf', 'application/json'], response: { 200: FileBody, ...errors } } },
    async (req, reply) => {
      const file = await docs.skpPdf(skpCtx(req), req.params.id, baseUrl(req));
      return reply.type('application/pdf').header('content-disposition', disposition(file)).header('cache-control', 'no-store').send(file.body);
    });
  r.get('/api/skp/:id/evaluations/:periodId/document.pdf', { schema: { tags, summary: 'Dokumen Evaluasi Kinerja Pegawai as PDF', params: SkpPeriodParams, produces: ['application/pdf', 'application/json'], response: { 200: FileBody, ...errors } } },
    async (req, reply) => {
      const file = await docs.evaluationPdf(skpCtx(req), req.params.id, req.params.periodId, baseUrl(req));
      return reply.type('application/pdf').header('content-disposition', disposition(file)).header('cache-control', 'no-store').send(file.body);
    });
  r.get('/api/skp/recap.xlsx', { schema: { tags, summary: 'XLSX recap of a unit and period: predikat per employee and distribution', querystring: SkpRecapQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json'], response: { 200: FileBody, ...errors } } },
    async (req, reply) => {
      const file = await docs.recapXlsx(skpCtx(req), req.query.unitId, req.query.periodId);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition(file))
        .header('cache-control', 'no-store').send(file.body);
    });
  r.get('/api/documents/verify/:code', {
    schema: { tags, summary: 'Public: verify a printed SKP document by its QR code (optionally compare a SHA-256)', security: [], params: SkpDocumentVerifyParams, querystring: SkpDocumentVerifyQuery, response: { 200: SkpDocumentVerifyResponse, ...errors } },
  }, async (req) => docs.verify(req.params.code, req.query.sha256));
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope, ImportQuery, ImportResult, type ExportFormat } from '@pantau/contracts';
import { requireActor, requestContext } from '../../http/authenticate.js';
import type { PeopleService, UploadedFile } from './people.service.js';

const errors = { 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
/** Sent as raw bytes (Fastify does not serialise a Buffer); the schema documents the route. */
const FileBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('The file (binary)');

/** The single multipart field `file`; null when the request has none. */
async function readUpload(request: FastifyRequest): Promise<UploadedFile | null> {
  if (!request.isMultipart()) return null;
  const part = await request.file();
  if (!part) return null;
  if (part.fieldname !== 'file') {
    part.file.resume();
    return null;
  }
  return { filename: part.filename || undefined, data: await part.toBuffer() };
}

export function peopleRoutes(app: FastifyInstance, people: PeopleService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/imports/employees',
    {
      schema: {
        tags: ['people'],
        summary:
          'Admin: import employees from a SIASN-like CSV/XLSX (multipart field "file"). dry-run lists every bad row and the differences; ' +
          'commit applies them in one transaction. A commit with bad rows writes nothing and answers 400 with the same body (ok: false).',
        description:
          'Columns (header names are matched loosely): NIP, Nama, Gelar Depan, Gelar Belakang, Jenis ASN, Golongan, Jabatan, ' +
          'Jenis Jabatan, Unit, NIP Atasan. ADMIN_BKPSDM imports for the whole instansi, ADMIN_OPD for their units. Active employees ' +
          'of that scope missing from the file are "leaving": on commit they become inactive and their assignments end yesterday. ' +
          'A file that is not CSV (UTF-8) or XLSX answers 415 UNSUPPORTED_FILE; an empty file 400 VALIDATION_FAILED on "file".',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: {
          200: ImportResult,
          400: z.union([ImportResult, ErrorEnvelope]),
          ...errors,
          413: ErrorEnvelope,
          415: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const result = await people.importEmployees(
        requireActor(request),
        { mode: request.query.mode, locale: request.locale, readFile: () => readUpload(request) },
        requestContext(request),
      );
      if (!result.ok && result.mode === 'commit') reply.status(400);
      return result;
    },
  );

  const exportRoute = (format: ExportFormat, mime: string) =>
    r.get(
      `/api/exports/employees.${format}`,
      {
        schema: {
          tags: ['people'],
          summary: `Employees the caller may see, as ${format.toUpperCase()} with the import columns (an export re-imports with no changes)`,
          produces: [mime, 'application/json'],
          response: { 200: FileBody, ...errors },
        },
      },
      async (request, reply) => {
        const file = await people.exportEmployees(requireActor(request), format, requestContext(request));
        reply.header('content-type', file.contentType);
        reply.header('content-disposition', `attachment; filename="${file.filename}"`);
        reply.header('cache-control', 'no-store');
        return reply.send(file.body);
      },
    );
  exportRoute('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  exportRoute('csv', 'text/csv');
}

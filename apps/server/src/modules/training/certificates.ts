import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { notFound } from '../../http/errors.js';
import type { FileStore } from '../evidence/file-store.js';
import { invalidOn, type TrainingCtx } from './training.messages.js';

export interface CertificateFile {
  id: number;
  name: string;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  uploadedByUserId: number;
}

const CERTIFICATE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/**
 * Certificates are ordinary evidence files (POST /api/evidence: type checked by content, stored
 * once by hash). The evidence module serves a file to its uploader and to readers of daily
 * reports that use it; a certificate is read by the participant, their chain and the organisers,
 * so this module checks its own scope and streams from the same file store.
 */
export function certificates(db: DbOrTx, store: Pick<FileStore, 'has' | 'openRead'>) {
  async function files(ids: readonly number[]): Promise<Map<number, CertificateFile>> {
    const out = new Map<number, CertificateFile>();
    if (ids.length === 0) return out;
    const result = await rows<CertificateFile>(
      db,
      sql`select id, original_name as name, mime_type as "mimeType", sha256, size_bytes as "sizeBytes", uploaded_by_user_id as "uploadedByUserId"
          from evidence_files where id = any(${sql.param([...new Set(ids)])}::int[])`,
    );
    for (const r of result) out.set(r.id, r);
    return out;
  }

  return {
    files,

    /** The caller's own upload of a PDF or photo in their instansi, else 400 naming the field. */
    async checkOwn(ctx: TrainingCtx, evidenceId: number, path: string): Promise<CertificateFile> {
      const result = await rows<CertificateFile & { instansiId: number }>(
        db,
        sql`select id, original_name as name, mime_type as "mimeType", sha256, size_bytes as "sizeBytes",
                   uploaded_by_user_id as "uploadedByUserId", instansi_id as "instansiId"
            from evidence_files where id = ${evidenceId}`,
      );
      const file = result[0];
      if (!file || file.instansiId !== ctx.actor.instansiId || file.uploadedByUserId !== ctx.actor.userId) {
        throw invalidOn(ctx.locale, path, 'CERTIFICATE_UNKNOWN');
      }
      if (!CERTIFICATE_TYPES.has(file.mimeType)) throw invalidOn(ctx.locale, path, 'CERTIFICATE_TYPE');
      return file;
    },

    /** The file's bytes (404 when the stored file is missing). */
    async open(evidenceId: number): Promise<{ file: CertificateFile; stream: Readable }> {
      const file = (await files([evidenceId])).get(evidenceId);
      if (!file || !(await store.has(file.sha256))) throw notFound();
      return { file, stream: store.openRead(file.sha256) };
    },
  };
}

export type Certificates = ReturnType<typeof certificates>;

import type { Readable } from 'node:stream';
import type { EvidenceFileDto } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { PREVIEWABLE, previewOf } from './preview.js';
import { AppError, forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { accessRepository } from '../org/access.repository.js';
import { readJpegExif, type PhotoMeta } from './exif.js';
import { evidenceRepository, type EvidenceRow } from './evidence.repository.js';
import { presentEvidence } from './evidence.presenter.js';
import { FileTooLargeError, type FileStore, type Received } from './file-store.js';
import { officeType, sniff, zipDirectory, zipNames, type EvidenceType } from './file-type.js';

export interface EvidenceDeps {
  db: Db;
  clock: Clock;
  store: FileStore;
  /** Largest accepted file. */
  maxBytes: number;
}

/** JPEG EXIF (APP1) is at most 64 KiB and sits at the start of the file. */
const HEAD_BYTES = 128 * 1024;
const MAX_ZIP_DIRECTORY = 4 * 1024 * 1024;

export interface Upload {
  filename: string;
  stream: Readable;
  /** True when the multipart parser cut the file at the size limit. */
  truncated: () => boolean;
}

const sizeLabel = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function safeName(name: string): string {
  // Keep the name for display only; it never decides the type or the path.
  const cleaned = [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '_' : c)).join('').trim();
  return (cleaned || 'berkas').slice(0, 255);
}

export function createEvidenceService(deps: EvidenceDeps) {
  const { db, store } = deps;
  const repo = evidenceRepository(db);
  const access = accessRepository(db);

  async function detect(received: Received): Promise<EvidenceType | null> {
    const first = sniff(received.head);
    if (first === null) return null;
    if (first.kind !== 'zip') return first;
    const tailLength = Math.min(received.sizeBytes, 22 + 0xffff);
    const tail = await store.readRange(received.tempPath, received.sizeBytes - tailLength, tailLength);
    const dir = zipDirectory(tail);
    if (!dir || dir.size > MAX_ZIP_DIRECTORY || dir.offset + dir.size > received.sizeBytes) return null;
    return officeType(zipNames(await store.readRange(received.tempPath, dir.offset, dir.size)));
  }

  return {
    /**
     * Receives one file: streamed to a temporary file (size limit enforced while reading), type
     * checked by content, moved into the content-addressed store, then recorded in one short
     * transaction with its audit row. File I/O happens before the transaction, never inside.
     */
    async upload(actor: Actor, upload: Upload | null, ctx: RequestContext): Promise<{ evidence: EvidenceFileDto; duplicate: boolean }> {
      if (actor.instansiId === null) throw forbidden();
      const instansiId = actor.instansiId;
      if (!upload) throw validation([{ path: 'file', code: 'FILE_REQUIRED' }]);
      let received: Received;
      try {
        received = await store.receive(upload.stream, { maxBytes: deps.maxBytes, headBytes: HEAD_BYTES, truncated: upload.truncated });
      } catch (err) {
        if (err instanceof FileTooLargeError) throw new AppError(413, 'PAYLOAD_TOO_LARGE', { limit: sizeLabel(deps.maxBytes) });
        throw err;
      }
      let type: EvidenceType | null;
      let meta: PhotoMeta = { takenAt: null, latitude: null, longitude: null };
      try {
        if (received.sizeBytes === 0) throw validation([{ path: 'file', code: 'FILE_EMPTY' }]);
        type = await detect(received);
        if (!type) throw new AppError(415, 'UNSUPPORTED_FILE');
        if (type.kind === 'jpeg') meta = readJpegExif(received.head);
      } catch (err) {
        await store.discard(received);
        throw err;
      }
      const mime = type.mime;
      // The file is moved into the store under the lock on its bytes, in the transaction that
      // records the row (a rename: the only file I/O inside a transaction), so the orphan clean-up
      // never removes bytes that an upload is about to record (evidence-cleanup.ts).
      const { row, created } = await db.transaction(async (tx) => {
        const files = evidenceRepository(tx);
        await files.lockBytes(received.sha256);
        await store.commit(received);
        const result = await files.insertOrGet({
          instansiId,
          sha256: received.sha256,
          sizeBytes: received.sizeBytes,
          mimeType: mime,
          originalName: safeName(upload.filename),
          uploadedByUserId: actor.userId,
          uploadedByEmployeeId: actor.employeeId,
          photoTakenAt: meta.takenAt,
          gpsLatitude: meta.latitude,
          gpsLongitude: meta.longitude,
        });
        if (result.created) {
          await recordAudit(tx, ctx, {
            action: 'evidence.upload',
            entityType: 'evidence',
            entityId: result.row.id,
            instansiId,
            newValues: { sha256: received.sha256, sizeBytes: received.sizeBytes, mimeType: mime, originalName: result.row.originalName },
          });
        }
        return result;
      }).finally(() => store.discard(received));
      return { evidence: presentEvidence(row), duplicate: !created };
    },

    /**
     * A file for viewing: the uploader, and whoever may read an employee whose activity uses it.
     * Out of scope reads as 404.
     */
    /** A resized image for viewing (same access as the file); 404 for files that are not photos. */
    async preview(actor: Actor, id: number): Promise<Buffer> {
      const { row, stream } = await this.open(actor, id);
      stream.destroy();
      if (!PREVIEWABLE.has(row.mimeType)) throw notFound();
      return previewOf(store, row.sha256);
    },

    async open(actor: Actor, id: number): Promise<{ row: EvidenceRow; stream: Readable }> {
      if (actor.instansiId === null) throw notFound();
      const row = await repo.findById(actor.instansiId, id);
      if (!row) throw notFound();
      if (row.uploadedByUserId !== actor.userId) {
        const owners = await repo.usedBy(id);
        if (row.uploadedByEmployeeId !== null) owners.push(row.uploadedByEmployeeId);
        const readable = await access.readableEmployeeIds(actor, owners, wibDate(deps.clock.now()));
        if (readable.size === 0) throw notFound();
      }
      if (!(await store.has(row.sha256))) throw notFound();
      return { row, stream: store.openRead(row.sha256) };
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;

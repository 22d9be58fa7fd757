import { PREVIEWABLE } from './preview.js';
import type { EvidenceFileDto } from '@pantau/contracts';
import type { evidenceFiles } from '../../db/schema/index.js';

type EvidenceRow = typeof evidenceFiles.$inferSelect;

/** The only row → JSON path for evidence files. */
export function presentEvidence(row: EvidenceRow): EvidenceFileDto {
  return {
    id: row.id,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    photoTakenAt: row.photoTakenAt ? row.photoTakenAt.toISOString() : null,
    gps: row.gpsLatitude !== null && row.gpsLongitude !== null ? { latitude: row.gpsLatitude, longitude: row.gpsLongitude } : null,
    url: `/api/evidence/${row.id}/content`,
    previewUrl: PREVIEWABLE.has(row.mimeType) ? `/api/evidence/${row.id}/preview` : null,
    createdAt: row.createdAt.toISOString(),
  };
}

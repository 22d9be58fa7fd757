import { char, doublePrecision, index, integer, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id } from './common.js';
import { instansi } from './instansi.js';
import { employees } from './org.js';
import { users } from './auth.js';

/**
 * Bukti dukung files. The bytes live outside the database in a content-addressed store
 * (`<files dir>/sha256/ab/cd/<sha256>`); identical bytes are stored once. A row is one person's
 * upload of those bytes: the same person uploading the same file again gets the same row back.
 * Rows are never deleted with a report (audit rows refer to them).
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: id(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    sha256: char({ length: 64 }).notNull(),
    sizeBytes: integer().notNull(),
    /** Detected from the content (magic bytes), never from the name. */
    mimeType: varchar({ length: 100 }).notNull(),
    originalName: varchar({ length: 255 }).notNull(),
    uploadedByUserId: integer()
      .notNull()
      .references(() => users.id),
    uploadedByEmployeeId: integer().references(() => employees.id),
    /** EXIF DateTimeOriginal of a photo (WIB when the camera gave no offset). */
    photoTakenAt: timestamp({ withTimezone: true }),
    gpsLatitude: doublePrecision(),
    gpsLongitude: doublePrecision(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('evidence_files_uploader_sha_uq').on(t.uploadedByUserId, t.sha256),
    index().on(t.sha256),
    index().on(t.instansiId),
    index().on(t.uploadedByEmployeeId),
  ],
);

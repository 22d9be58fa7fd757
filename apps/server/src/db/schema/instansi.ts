import { pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id } from './common.js';

/**
 * A government body (Pemerintah Kota/Kabupaten/Provinsi). Every other row belongs to exactly
 * one instansi; nothing is shared between them.
 */
export const instansi = pgTable('instansi', {
  id: id(),
  code: varchar({ length: 32 }).notNull().unique(),
  name: varchar({ length: 200 }).notNull(),
  /** IANA zone used to show times; Aceh is WIB. */
  timezone: varchar({ length: 64 }).notNull().default('Asia/Jakarta'),
  address: text(),
  createdAt: createdAt(),
});

import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { auditLog, evidenceFiles } from '../../db/schema/index.js';
import { activity, reports, testClock } from '../daily-reports/daily-reports.test-helpers.js';
import { DOCX_ENTRIES, jpegWithExif, multipartBody, zip } from './evidence.test-helpers.js';

const clock = testClock('2025-01-08T03:00:00Z');
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let dataDir: string;
const s: Record<string, Session> = {};

const upload = (who: Session | null, filename: string, content: Buffer, field = 'file') => {
  const m = multipartBody(filename, content, field);
  return t.as(who).post('/api/evidence', m.body, m.headers);
};
const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name)) : [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pantau-evidence-'));
  db = await freshDb();
  org = await makeOrg(db.db);
  t = await buildTestApp(db, { clock, env: { PANTAU_DATA_DIR: dataDir } });
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/evidence', () => {
  it('fails with 401 when not signed in', async () => {
    expect((await upload(null, 'foto.jpg', jpegWithExif({ little: true }))).statusCode).toBe(401);
  });

  it('fails with 400 without a file field', async () => {
    const res = await upload(s.staff1!, 'foto.jpg', jpegWithExif({ little: true }), 'lampiran');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'file', code: 'FILE_REQUIRED' });
    const empty = await upload(s.staff1!, 'kosong.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].code).toBe('FILE_EMPTY');
  });

  it('refuses a renamed .exe with 415 and leaves nothing behind', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4000, 7)]);
    const res = await upload(s.staff1!, 'laporan.pdf', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
    expect((await upload(s.staff1!, 'arsip.docx', zip({ 'setup.exe': 'MZ' }))).statusCode).toBe(415);
    expect(filesUnder(join(dataDir, 'files'))).toEqual([]);
  });

  it('refuses a 30 MB upload with a clear 413 and leaves nothing half-written', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 1);
    big.write('%PDF-1.4\n', 0, 'latin1');
    const res = await upload(s.staff1!, 'besar.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.json().error.message).toBe('Ukuran data terlalu besar (maksimal 10 MB).');
    expect(filesUnder(join(dataDir, 'files'))).toEqual([]);
    expect(await db.db.select().from(evidenceFiles)).toHaveLength(0);
  });

  it('stores a photo by content hash with its EXIF time and place, once', async () => {
    const photo = jpegWithExif({ little: true, lat: { ref: 'N', dms: [5, 10, 30] }, lon: { ref: 'E', dms: [97, 8, 15] } });
    const first = await upload(s.staff1!, 'IMG_0001.jpg', photo);
    expect(first.statusCode).toBe(201);
    const ev = first.json().evidence;
    expect(ev).toMatchObject({ mimeType: 'image/jpeg', sizeBytes: photo.length, originalName: 'IMG_0001.jpg', photoTakenAt: '2025-01-08T02:15:30.000Z' });
    expect(ev.gps.latitude).toBeCloseTo(5.175, 6);
    const again = await upload(s.staff1!, 'salinan.jpg', photo);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, evidence: { id: ev.id } });
    // Another person's identical file is their own record, stored once on disk.
    const other = await upload(s.staff2!, 'foto.jpg', photo);
    expect(other.statusCode).toBe(201);
    expect(other.json().evidence.id).not.toBe(ev.id);
    const stored = filesUnder(join(dataDir, 'files', 'sha256'));
    expect(stored).toEqual([join(dataDir, 'files', 'sha256', ev.sha256.slice(0, 2), ev.sha256.slice(2, 4), ev.sha256)]);
    expect(statSync(stored[0]!).mode & 0o222).toBe(0);
    expect(filesUnder(join(dataDir, 'files', 'tmp'))).toEqual([]);
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.action, 'evidence.upload'), eq(auditLog.entityId, String(ev.id))));
    expect(audit).toHaveLength(1);
  });

  it('accepts PDF, PNG and Word documents by content whatever their names', async () => {
    const pdf = await upload(s.staff1!, 'surat', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect(pdf.json().evidence.mimeType).toBe('application/pdf');
    const png = await upload(s.staff1!, 'gambar.exe', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(png.json().evidence.mimeType).toBe('image/png');
    const docx = await upload(s.staff1!, 'nota.docx', zip(DOCX_ENTRIES));
    expect(docx.json().evidence.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('evidence on a report', () => {
  it('shows the file to the atasan, not outside the chain, and keeps it when the draft is deleted', async () => {
    const photo = jpegWithExif({ little: false, taken: '2025:01:08 08:00:00' });
    const ev = (await upload(s.staff1!, 'kegiatan.jpg', photo)).json().evidence;
    const api = reports(t);
    // Someone else's upload cannot be attached.
    const foreign = (await upload(s.staff2!, 'milik-staf2.pdf', Buffer.from('%PDF-1.4 lain'))).json().evidence;
    const refused = await api.create(s.staff1!, { date: '2025-01-08', activities: [activity({ evidenceIds: [foreign.id] })] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'body.activities.0.evidenceIds', code: 'EVIDENCE_UNKNOWN' });

    const created = await api.create(s.staff1!, { date: '2025-01-08', activities: [activity({ evidenceIds: [ev.id] })] });
    expect(created.statusCode).toBe(201);
    const report = created.json().dailyReport;
    expect(report.activities[0].evidence[0]).toMatchObject({ id: ev.id, photoTakenAt: '2025-01-08T01:00:00.000Z', url: `/api/evidence/${ev.id}/content` });

    const asKasi = await t.as(s.kasi!).get(`/api/evidence/${ev.id}/content`);
    expect(asKasi.statusCode).toBe(200);
    expect(asKasi.headers['content-type']).toBe('image/jpeg');
    expect(asKasi.headers['content-disposition']).toMatch(/^inline; filename="kegiatan.jpg"/);
    expect(asKasi.rawPayload.equals(photo)).toBe(true);
    expect((await t.as(s.headB!).get(`/api/evidence/${ev.id}/content`)).statusCode).toBe(404);
    expect((await t.as(s.staff2!).get(`/api/evidence/${ev.id}/content`)).statusCode).toBe(404);

    expect((await t.as(s.staff1!).delete(`/api/daily-reports/${report.id}`)).statusCode).toBe(204);
    const [row] = await db.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, ev.id));
    expect(row).toBeDefined();
    expect((await t.as(s.staff1!).get(`/api/evidence/${ev.id}/content`)).statusCode).toBe(200);
    const deleted = await db.db.select().from(auditLog).where(and(eq(auditLog.action, 'daily_report.delete'), eq(auditLog.entityId, String(report.id))));
    expect(JSON.stringify(deleted[0]?.oldValues)).toContain(`"evidenceIds":[${ev.id}]`);
  });
});

describe('GET /api/evidence/:id/preview', () => {
  it('gives the uploader a resized JPEG of a large photo without its metadata, 404 to others and for PDFs', async () => {
    const sharp = (await import('sharp')).default;
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2a6f4e' } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: 'rahasia-exif' } })
      .toBuffer();
    const res = await upload(s.staff1!, 'foto.jpg', big);
    expect([200, 201]).toContain(res.statusCode);
    const id = res.json().evidence.id;
    expect((await t.as(null).get(`/api/evidence/${id}/preview`)).statusCode).toBe(401);
    expect((await t.as(s.staffB!).get(`/api/evidence/${id}/preview`)).statusCode).toBe(404);
    const preview = await t.as(s.staff1!).get(`/api/evidence/${id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(preview.rawPayload).metadata();
    expect(meta.width).toBe(1280);
    expect(meta.height).toBe(853);
    expect(meta.exif).toBeUndefined();
    expect(preview.rawPayload.length).toBeLessThan(big.length);
    // Served from the cache the second time: same bytes.
    expect((await t.as(s.staff1!).get(`/api/evidence/${id}/preview`)).rawPayload.equals(preview.rawPayload)).toBe(true);
    const pdf = await upload(s.staff1!, 'surat.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect((await t.as(s.staff1!).get(`/api/evidence/${pdf.json().evidence.id}/preview`)).statusCode).toBe(404);
  });
});

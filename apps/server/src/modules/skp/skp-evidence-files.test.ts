import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { multipartBody } from '../evidence/evidence.test-helpers.js';
import { MAY_15, addRhk, approveSkp, createSkp, expectStatus } from './skp.test-helpers.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let dataDir: string;
const s: Record<string, Session> = {};
let realisationId: number;
let sheetUrl: string;

const upload = (who: Session, filename: string, content: Buffer) => {
  const m = multipartBody(filename, content);
  return t.as(who).post('/api/evidence', m.body, m.headers);
};
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pantau-skp-evidence-'));
  db = await freshDb();
  org = await makeOrg(db.db);
  t = await buildTestApp(db, { clock: MAY_15, env: { PANTAU_DATA_DIR: dataDir } });
  for (const [k, p] of Object.entries(org.people)) s[k] = await t.signIn(p);
  const kasi = await createSkp(t, s.kasi!);
  const kasiRhk = await addRhk(t, s.kasi!, kasi.id, 'Layanan primer tertib');
  await approveSkp(t, s.kasi!, s.kabid!, kasi.id);
  const skp = await createSkp(t, s.staff1!);
  await addRhk(t, s.staff1!, skp.id, 'Register pasien tertib', kasiRhk.id);
  await approveSkp(t, s.staff1!, s.kasi!, skp.id);
  const q2 = (await t.as(s.staff1!).get('/api/skp/periods?year=2026')).json().periods[1].id;
  sheetUrl = `/api/skp/${skp.id}/periods/${q2}/realisations`;
  const indicatorId = (await t.as(s.staff1!).get(sheetUrl)).json().rhk[0].indicators[0].id;
  const res = await t.app.inject({ method: 'PUT', url: `${sheetUrl}/${indicatorId}`, payload: { value: 3 }, headers: { cookie: s.staff1!.cookie, 'x-csrf-token': s.staff1!.csrf } });
  expectStatus(res, 200);
  realisationId = res.json().rhk[0].indicators[0].realisation.id;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SKP bukti dukung as files in the shared evidence store', () => {
  it('refuses a renamed .exe at upload (415), so it can never become bukti dukung', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 7)]);
    const res = await upload(s.staff1!, 'laporan-realisasi.pdf', exe);
    expectStatus(res, 415);
  });

  it('attaches an uploaded PDF by id; name, type, size and hash come from the store', async () => {
    const up = await upload(s.staff1!, 'Register Mei.pdf', pdf);
    expectStatus(up, 201);
    const fileId = up.json().evidence.id;
    const res = await t.as(s.staff1!).post(`/api/skp/realisations/${realisationId}/evidence`, { evidenceFileId: fileId, mimeType: 'application/x-msdownload' });
    expectStatus(res, 201);
    expect(res.json().evidence).toMatchObject({ evidenceFileId: fileId, fileName: 'Register Mei.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length, url: null });
    expect(res.json().evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the supervisor open the attached file, and nobody outside the chain', async () => {
    const sheet = (await t.as(s.kasi!).get(sheetUrl)).json();
    const [file] = sheet.rhk[0].indicators[0].realisation.evidence;
    const opened = await t.as(s.kasi!).get(`/api/evidence/${file.evidenceFileId}/content`);
    expectStatus(opened, 200);
    expect(opened.rawPayload.equals(pdf)).toBe(true);
    expectStatus(await t.as(s.staffB!).get(`/api/evidence/${file.evidenceFileId}/content`), 404);
  });

  it('refuses to attach a file someone else uploaded (400) and keeps the link form working', async () => {
    const theirs = (await upload(s.staff2!, 'milik-orang-lain.pdf', Buffer.concat([pdf, Buffer.from('x')]))).json().evidence.id;
    const res = await t.as(s.staff1!).post(`/api/skp/realisations/${realisationId}/evidence`, { evidenceFileId: theirs });
    expectStatus(res, 400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.evidenceFileId', code: 'EVIDENCE_FILE_UNKNOWN' });
    const noName = await t.as(s.staff1!).post(`/api/skp/realisations/${realisationId}/evidence`, { url: 'https://drive.contoh.go.id/x' });
    expect(noName.json().error.fields[0].code).toBe('EVIDENCE_NAME');
    expectStatus(await t.as(s.staff1!).post(`/api/skp/realisations/${realisationId}/evidence`, { fileName: 'Foto kegiatan', url: 'https://drive.contoh.go.id/x' }), 201);
    expectStatus(await t.as(s.kasi!).post(`/api/skp/realisations/${realisationId}/evidence`, { evidenceFileId: theirs }), 403);
  });
});

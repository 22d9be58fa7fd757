import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { freshDb, onPostgres } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import type { OpenDb } from '../../db/open-db.js';
import { auditLog, evidenceFiles } from '../../db/schema/index.js';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { activity, reports, testClock } from '../daily-reports/daily-reports.test-helpers.js';
import { createEvidenceCleanup } from './evidence-cleanup.js';
import { multipartBody } from './evidence.test-helpers.js';
import { createFileStore } from './file-store.js';

const clock = testClock('2025-01-08T03:00:00Z');
let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let dataDir: string;
const s: Record<string, Session> = {};
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`, 'latin1');

const upload = async (who: Session, name: string, content: Buffer): Promise<{ id: number; sha256: string }> => {
  const m = multipartBody(name, content);
  const res = await t.as(who).post('/api/evidence', m.body, m.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().evidence;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pantau-evidence-cleanup-'));
  db = await freshDb();
  org = await makeOrg(db.db);
  t = await buildTestApp(db, { clock, env: { PANTAU_DATA_DIR: dataDir } });
  for (const k of ['staff1', 'staff2'] as const) s[k] = await t.signIn(org.people[k]);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('orphan evidence cleanup', () => {
  it('deletes only uploads never used after N hours, and their file only when no one else holds the bytes', async () => {
    const api = reports(t);
    const store = createFileStore(join(dataDir, 'files'));
    const attached = await upload(s.staff1!, 'dipakai.pdf', pdf('dipakai'));
    const orphan = await upload(s.staff1!, 'lupa.pdf', pdf('lupa'));
    const sharedOrphan = await upload(s.staff1!, 'bersama.pdf', pdf('bersama'));
    const sharedUsed = await upload(s.staff2!, 'bersama.pdf', pdf('bersama'));
    const deletedDraft = await upload(s.staff1!, 'draf.pdf', pdf('draf'));

    expect((await api.create(s.staff1!, { date: '2025-01-08', activities: [activity({ evidenceIds: [attached.id] })] })).statusCode).toBe(201);
    expect((await api.create(s.staff2!, { date: '2025-01-08', activities: [activity({ evidenceIds: [sharedUsed.id] })] })).statusCode).toBe(201);
    // A draft that named a file and was deleted: the delete's audit row names the file, so it stays.
    const draft = (await api.create(s.staff1!, { date: '2025-01-07', activities: [activity({ evidenceIds: [deletedDraft.id] })] })).json();
    expect((await t.as(s.staff1!).delete(`/api/daily-reports/${draft.dailyReport.id}`)).statusCode).toBe(204);

    const at = (hoursFromNow: number) => ({ now: () => new Date(Date.now() + hoursFromNow * 3_600_000) });
    // Not old enough yet: nothing goes.
    expect(await createEvidenceCleanup({ db: db.db, store, clock: at(47), orphanHours: 48 }).run()).toEqual({ deleted: 0, filesRemoved: 0 });

    const result = await createEvidenceCleanup({ db: db.db, store, clock: at(49), orphanHours: 48 }).run();
    expect(result).toEqual({ deleted: 2, filesRemoved: 1 });
    const left = (await db.db.select({ id: evidenceFiles.id }).from(evidenceFiles)).map((r) => r.id).sort((a, b) => a - b);
    expect(left).toEqual([attached.id, sharedUsed.id, deletedDraft.id].sort((a, b) => a - b));
    expect(existsSync(store.pathOf(orphan.sha256))).toBe(false);
    expect(existsSync(store.pathOf(sharedOrphan.sha256))).toBe(true);
    expect(existsSync(store.pathOf(attached.sha256))).toBe(true);
    expect(existsSync(store.pathOf(deletedDraft.sha256))).toBe(true);

    const [purge] = await db.db.select().from(auditLog).where(eq(auditLog.action, 'evidence.purge'));
    expect(purge?.newValues).toMatchObject({ purgedIds: [orphan.id, sharedOrphan.id] });
    expect((await verifyAuditChain(db.db)).ok).toBe(true);
    // A second run finds nothing more.
    expect(await createEvidenceCleanup({ db: db.db, store, clock: at(49), orphanHours: 48 }).run()).toEqual({ deleted: 0, filesRemoved: 0 });
  });

  it.runIf(onPostgres())('keeps the file when an identical upload records its row while the clean-up waits for the bytes', async () => {
    const store = createFileStore(join(dataDir, 'files'));
    const orphan = await upload(s.staff1!, 'kembar.pdf', pdf('kembar'));
    const sha = orphan.sha256;
    // An identical upload by someone else is in flight: it holds the lock on these bytes and is
    // about to record its row (evidence.service.ts does exactly this inside its transaction).
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock(20261128, hashtext($1))', [sha]);
      const clock = { now: () => new Date(Date.now() + 49 * 3_600_000) };
      const running = createEvidenceCleanup({ db: db.db, store, clock, orphanHours: 48 }).run();
      // Wait until the clean-up has deleted the orphan row and waits for the lock on the bytes.
      for (let i = 0; ; i++) {
        const waiting = await other.query(`select 1 from pg_locks where locktype = 'advisory' and not granted`);
        if (waiting.rowCount) break;
        if (i > 200) throw new Error('the clean-up never waited for the lock on the bytes');
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query(
        `insert into evidence_files (instansi_id, sha256, size_bytes, mime_type, original_name, uploaded_by_user_id)
         values ($1, $2, $3, 'application/pdf', 'kembar.pdf', $4)`,
        [org.instansiId, sha, pdf('kembar').length, org.people.staff2.userId],
      );
      await other.query('commit');
      const result = await running;
      expect(result.deleted).toBe(1);
      expect(result.filesRemoved).toBe(0);
      expect(existsSync(store.pathOf(sha))).toBe(true);
    } finally {
      await other.end();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, onPostgres } from '../../../test/db.js';
import { makeOrg, type TestOrg } from '../../../test/factories.js';
import { buildTestApp, type Session, type TestApp } from '../../../test/http.js';
import { openSse } from '../../../test/sse.js';
import { openDb, type OpenDb } from '../../db/open-db.js';
import { publishEvent } from './events.repository.js';

let db: OpenDb;
let t: TestApp;
let org: TestOrg;
let base: string;

beforeAll(async () => {
  db = await freshDb();
  t = await buildTestApp(db);
  org = await makeOrg(db.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const publish = (handle: OpenDb, employeeId: number, note: string) =>
  handle.db.transaction((tx) =>
    publishEvent(tx, { instansiId: org.instansiId, type: 'daily_report.submitted', subjectEmployeeIds: [employeeId], payload: { note } }),
  );
const headers = (s: Session) => ({ cookie: s.cookie });

describe('GET /api/events', () => {
  it('fails with 401 without a session', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
  });

  it('streams events about the supervisor\'s chain only, live', async () => {
    const kasi = await t.signIn(org.people.kasi);
    const stream = await openSse(`${base}/api/events`, headers(kasi));
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/text\/event-stream/);
      await publish(db, org.people.staffB.employeeId, 'bukan-urusan-kasi');
      await publish(db, org.people.staff1.employeeId, 'laporan-staf1');
      const ev = await stream.waitFor((e) => e.data.includes('laporan-staf1'));
      expect(ev.event).toBe('daily_report.submitted');
      expect(stream.received.some((e) => e.data.includes('bukan-urusan-kasi'))).toBe(false);
    } finally {
      await stream.close();
    }
  });

  it('delivers a new-notification event to its recipient only, not to the atasan or admins above', async () => {
    const kasi = await t.signIn(org.people.kasi);
    const staff = await t.signIn(org.people.staff1);
    const admin = await t.signIn(org.people.adminBkpsdm);
    const streams = await Promise.all([kasi, staff, admin].map((s) => openSse(`${base}/api/events`, headers(s))));
    try {
      await db.db.transaction((tx) =>
        publishEvent(tx, { instansiId: org.instansiId, type: 'notification.created', subjectEmployeeIds: [org.people.staff1.employeeId], payload: {} }),
      );
      await publish(db, org.people.staff1.employeeId, 'penanda-akhir');
      const [kasiStream, staffStream, adminStream] = streams;
      await staffStream!.waitFor((e) => e.event === 'notification.created');
      for (const s of [kasiStream!, adminStream!]) {
        await s.waitFor((e) => e.data.includes('penanda-akhir'));
        expect(s.received.some((e) => e.event === 'notification.created')).toBe(false);
      }
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });

  it('does not deliver an event whose transaction rolled back', async () => {
    const kasi = await t.signIn(org.people.kasi);
    const stream = await openSse(`${base}/api/events`, headers(kasi));
    try {
      await db.db
        .transaction(async (tx) => {
          await publishEvent(tx, { instansiId: org.instansiId, type: 'x', subjectEmployeeIds: [org.people.staff1.employeeId], payload: { note: 'batal' } });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      await publish(db, org.people.staff2.employeeId, 'sesudahnya');
      await stream.waitFor((e) => e.data.includes('sesudahnya'));
      expect(stream.received.some((e) => e.data.includes('batal'))).toBe(false);
    } finally {
      await stream.close();
    }
  });

  it('replays what a dropped connection missed after Last-Event-ID', async () => {
    const kabid = await t.signIn(org.people.kabid);
    const first = await openSse(`${base}/api/events`, headers(kabid));
    await publish(db, org.people.kasi.employeeId, 'sebelum-putus');
    const seen = await first.waitFor((e) => e.data.includes('sebelum-putus'));
    await first.close();
    await publish(db, org.people.staff1.employeeId, 'selama-putus-1');
    await publish(db, org.people.headB.employeeId, 'bukan-rantai-kabid');
    await publish(db, org.people.staff2.employeeId, 'selama-putus-2');
    const again = await openSse(`${base}/api/events`, { ...headers(kabid), 'last-event-id': seen.id ?? '0' });
    try {
      await again.waitFor((e) => e.data.includes('selama-putus-2'));
      const notes = again.received.map((e) => JSON.parse(e.data).payload.note);
      expect(notes).toEqual(['selama-putus-1', 'selama-putus-2']);
    } finally {
      await again.close();
    }
  });
});

describe.runIf(onPostgres())('two server instances on one PostgreSQL', () => {
  it('delivers an event written through instance A to a supervisor connected to instance B', async () => {
    if (!db.url) throw new Error('expected a PostgreSQL url');
    const dbB = await openDb({ driver: 'postgresql', url: db.url, poolSize: 3 });
    const appB = await buildTestApp(dbB);
    try {
      await appB.app.listen({ port: 0, host: '127.0.0.1' });
      const addr = appB.app.server.address();
      const baseB = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const kasi = await appB.signIn(org.people.kasi);
      const stream = await openSse(`${baseB}/api/events`, headers(kasi));
      try {
        // Written through instance A's connection pool.
        await publish(db, org.people.staff1.employeeId, 'lintas-instans');
        const ev = await stream.waitFor((e) => e.data.includes('lintas-instans'));
        expect(ev.event).toBe('daily_report.submitted');
      } finally {
        await stream.close();
      }
    } finally {
      await appB.close();
      await dbB.close();
    }
  });
});

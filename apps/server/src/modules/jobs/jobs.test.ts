import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, onPostgres } from '../../../test/db.js';
import { openDb, type OpenDb } from '../../db/open-db.js';
import { jobs } from '../../db/schema/index.js';
import { jobsRepository } from './jobs.repository.js';
import { createJobRunner, retryDelayMs } from './runner.js';

let db: OpenDb;

beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db?.close();
});

describe('job queue', () => {
  it('queues a unique key once', async () => {
    const repo = jobsRepository(db.db);
    expect(await repo.enqueue({ type: 't.unique', payload: {}, uniqueKey: 'once:1' })).toBe(true);
    expect(await repo.enqueue({ type: 't.unique', payload: {}, uniqueKey: 'once:1' })).toBe(false);
    expect(await db.db.select().from(jobs).where(eq(jobs.uniqueKey, 'once:1'))).toHaveLength(1);
  });

  it('runs due jobs, retries a failure later and gives up after the last attempt', async () => {
    const repo = jobsRepository(db.db);
    const seen: string[] = [];
    await repo.enqueue({ type: 't.ok', payload: { n: 1 } });
    await repo.enqueue({ type: 't.fail', payload: {}, maxAttempts: 2 });
    await repo.enqueue({ type: 't.ok', payload: { n: 2 }, runAt: new Date(Date.now() + 3600_000) });
    const runner = createJobRunner({
      db: db.db,
      handlers: {
        't.ok': async (job) => {
          seen.push(`ok ${(job.payload as { n: number }).n}`);
        },
        't.fail': async () => {
          throw new Error('SMTP down');
        },
        't.unique': async () => undefined,
      },
    });
    expect(await runner.runOnce()).toBe(3);
    expect(seen).toEqual(['ok 1']);
    const [failed] = await db.db.select().from(jobs).where(eq(jobs.type, 't.fail'));
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'SMTP down' });
    expect(failed!.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Make it due again: the second attempt is the last.
    await db.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.type, 't.fail'));
    await runner.runOnce();
    const [final] = await db.db.select().from(jobs).where(eq(jobs.type, 't.fail'));
    expect(final).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(10)).toBe(3_600_000);
  });

  it.runIf(onPostgres())('never hands the same job to two workers at once (SKIP LOCKED)', async () => {
    if (!db.url) throw new Error('expected PostgreSQL');
    const other = await openDb({ driver: 'postgresql', url: db.url, poolSize: 4 });
    try {
      const repo = jobsRepository(db.db);
      for (let i = 0; i < 40; i++) await repo.enqueue({ type: 't.race', payload: { i } });
      const [a, b] = await Promise.all([
        Promise.all([jobsRepository(db.db).claim('A', 10), jobsRepository(db.db).claim('A', 10)]),
        Promise.all([jobsRepository(other.db).claim('B', 10), jobsRepository(other.db).claim('B', 10)]),
      ]);
      const ids = [...a.flat(), ...b.flat()].filter((j) => j.type === 't.race').map((j) => j.id);
      expect(ids.length).toBe(40);
      expect(new Set(ids).size).toBe(40);
    } finally {
      await other.close();
    }
  });
});

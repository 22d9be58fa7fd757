import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import { evidenceRepository } from './evidence.repository.js';
import { jobsRepository } from '../jobs/jobs.repository.js';
import type { FileStore } from './file-store.js';

export const EVIDENCE_CLEANUP_JOB = 'evidence.cleanup';
/** Uploads never attached after this long are orphans (an abandoned form, a closed tab). */
export const DEFAULT_ORPHAN_EVIDENCE_HOURS = 48;
const BATCH = 500;

export interface EvidenceCleanupDeps {
  db: Db;
  store: FileStore;
  clock: Clock;
  orphanHours?: number;
}

/**
 * Deletes uploads that were never used: older than `orphanHours`, referenced by no row of any table
 * with a foreign key to `evidence_files` (daily activities, SKP realisations, training — found in
 * the catalogue, so a new module's table counts without a change here), and named by no audit row
 * other than their own upload row (an audit row that names a file keeps it for good; decision
 * 0005). The file on disk goes only when no other row holds the same bytes. One audit row
 * `evidence.purge` lists what went. Runs as a job queued at most once an hour across instances.
 */
export function createEvidenceCleanup(deps: EvidenceCleanupDeps) {
  const { db, store } = deps;
  const hours = deps.orphanHours ?? DEFAULT_ORPHAN_EVIDENCE_HOURS;

  async function referencingColumns(): Promise<Array<{ table: string; column: string }>> {
    return rows<{ table: string; column: string }>(
      db,
      sql`select cl.relname as "table", a.attname as "column"
          from pg_constraint c join pg_class cl on cl.oid = c.conrelid
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and c.confrelid = 'evidence_files'::regclass order by 1, 2`,
    );
  }

  async function run(): Promise<{ deleted: number; filesRemoved: number }> {
    const cutoff = new Date(deps.clock.now().getTime() - hours * 3_600_000);
    const refs = await referencingColumns();
    const unused = sql.join(
      refs.map((r) => sql`not exists (select 1 from ${sql.identifier(r.table)} x where x.${sql.identifier(r.column)} = e.id)`),
      sql` and `,
    );
    let deleted = 0;
    let filesRemoved = 0;
    let afterId = 0;
    for (;;) {
      const candidates = await rows<{ id: number; createdAt: string }>(
        db,
        sql`select e.id, e.created_at::text as "createdAt" from evidence_files e
            where e.id > ${afterId} and e.created_at < ${cutoff.toISOString()}::timestamptz ${refs.length > 0 ? sql`and ${unused}` : sql``}
            order by e.id limit ${BATCH}`,
      );
      if (candidates.length === 0) break;
      afterId = candidates[candidates.length - 1]?.id ?? afterId;
      // Ids named under any key containing "evidence" (evidenceIds, evidenceFileId, …) in audit
      // rows written since the oldest candidate's upload, except the uploads' own rows.
      const since = candidates.reduce((m, c) => (c.createdAt < m ? c.createdAt : m), candidates[0]?.createdAt ?? '');
      const named = await rows<{ id: number }>(
        db,
        sql`select distinct (v #>> '{}')::bigint as id
            from audit_log a,
              lateral jsonb_path_query(jsonb_build_array(a.old_values, a.new_values),
                'lax $.** ? (@.type() == "object").keyvalue() ? (@.key like_regex "evidence" flag "i").value[*]') v
            where a.at >= ${since}::timestamptz and a.entity_type <> 'evidence' and jsonb_typeof(v) = 'number'`,
      );
      const keep = new Set(named.map((n) => Number(n.id)));
      const ids = candidates.map((c) => c.id).filter((id) => !keep.has(id));
      if (ids.length > 0) {
        const gone = await db.transaction(async (tx) => {
          const removed = await rows<{ id: number; sha256: string }>(
            tx,
            sql`delete from evidence_files e where e.id = any(${sql.param(ids)}::int[]) ${refs.length > 0 ? sql`and ${unused}` : sql``}
                returning e.id, e.sha256`,
          );
          if (removed.length > 0) {
            await recordAudit(
              tx,
              { actor: null, requestId: 'job:evidence.cleanup', ip: null },
              {
                action: 'evidence.purge',
                entityType: 'evidence',
                newValues: { purgedIds: removed.map((r) => r.id), unusedForHours: hours },
              },
            );
          }
          return removed;
        });
        deleted += gone.length;
        // Each file goes only if, under the lock on its bytes, no row holds them: an identical
        // upload in flight either recorded its row first (the file stays) or moves its copy
        // into the store after this removal (evidence.service.ts, upload).
        for (const sha of new Set(gone.map((g) => g.sha256))) {
          const removed = await db.transaction(async (tx) => {
            const files = evidenceRepository(tx);
            await files.lockBytes(sha);
            return !(await files.bytesInUse(sha)) && (await store.remove(sha));
          });
          if (removed) filesRemoved++;
        }
      }
      if (candidates.length < BATCH) break;
    }
    return { deleted, filesRemoved };
  }

  return {
    run,
    /** Worker module: queues the job once per clock hour (one across all instances), the job runs `run`. */
    workerModule() {
      let queuedHour = '';
      return {
        handlers: {
          [EVIDENCE_CLEANUP_JOB]: async () => {
            await run();
          },
        },
        async tick() {
          const hour = deps.clock.now().toISOString().slice(0, 13);
          if (hour === queuedHour) return;
          queuedHour = hour;
          await jobsRepository(db).enqueue({ type: EVIDENCE_CLEANUP_JOB, payload: {}, uniqueKey: `${EVIDENCE_CLEANUP_JOB}:${hour}` });
        },
      };
    },
  };
}

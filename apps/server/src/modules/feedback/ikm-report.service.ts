import { type SQL, sql } from 'drizzle-orm';
import type { IkmReport, IkmReportQuery } from '@pantau/contracts';
import {
  IKM_UNSUR,
  type IkmWeightVariant,
  type KodeUnsurIkm,
  computeIkmFromTotals,
  compareIsoDate,
  toDayNumber,
  unsurMentionedIn,
  weakestUnsurFirst,
} from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { rows } from '../../db/raw.js';
import { forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { type FeedbackScope, loadScope, managedPathSql } from './feedback-scope.js';

const MAX_DAYS = 1100;
const COMMENTS_PER_UNSUR = 20;
const SUM_COLUMNS = sql.raw(IKM_UNSUR.map((_, i) => `sum(sr.u${i + 1})::int as s${i + 1}`).join(', '));

interface GroupRow {
  id: number;
  name: string;
  unitName: string;
  n: number;
  s1: number; s2: number; s3: number; s4: number; s5: number; s6: number; s7: number; s8: number; s9: number;
}
const sumsOf = (r: GroupRow) => [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9];

/**
 * IKM report (PermenPANRB 14/2017) for a period over a service point, a unit subtree, or all the
 * caller manages: NRR per unsur, IKM 25–100, mutu and kinerja, per service point, respondent
 * profile, and the weakest unsur first with the comments that mention them (rencana tindak lanjut).
 * Sums are added up by the database; the rule runs on the totals (computeIkmFromTotals).
 */
export function createIkmReportService({ db, clock, weightVariant }: { db: Db; clock: Clock; weightVariant: IkmWeightVariant }) {
  async function filterFor(scope: FeedbackScope, query: IkmReportQuery) {
    const conds: SQL[] = [scope.wide ? sql`true` : managedPathSql(scope, sql`u.path`)];
    let unit: { id: number; name: string } | null = null;
    let servicePoint: { id: number; name: string } | null = null;
    if (query.unitId !== undefined) {
      const [row] = await rows<{ id: number; name: string; path: string }>(
        db,
        sql`select u.id, u.name, u.path from org_units u where u.instansi_id = ${scope.instansiId} and u.id = ${query.unitId} and ${conds[0] ?? sql`false`}`,
      );
      if (!row) throw notFound();
      unit = { id: row.id, name: row.name };
      conds.push(sql`u.path like ${`${row.path}%`}`);
    }
    if (query.servicePointId !== undefined) {
      const [row] = await rows<{ id: number; name: string }>(
        db,
        sql`select sp.id, sp.name from service_points sp join org_units u on u.id = sp.unit_id
            where sp.instansi_id = ${scope.instansiId} and sp.id = ${query.servicePointId} and ${conds[0] ?? sql`false`}`,
      );
      if (!row) throw notFound();
      servicePoint = row;
      conds.push(sql`sr.service_point_id = ${row.id}`);
    }
    return { where: sql.join(conds, sql` and `), unit, servicePoint };
  }

  return {
    /** The units the report may be filtered to: the whole instansi for wide readers, else the managed subtrees. */
    async units(actor: Actor): Promise<number[]> {
      const scope = await loadScope(db, actor, wibDate(clock.now()));
      if (!scope.wide && !scope.adminAll && scope.adminPaths.length === 0 && scope.headPaths.length === 0) throw forbidden();
      const found = await rows<{ id: number }>(
        db,
        sql`select u.id from org_units u where u.instansi_id = ${scope.instansiId} and u.active
            and ${scope.wide ? sql`true` : managedPathSql(scope, sql`u.path`)} order by u.path`,
      );
      return found.map((u) => u.id);
    },

    async report(actor: Actor, query: IkmReportQuery): Promise<IkmReport> {
      if (compareIsoDate(query.from, query.to) > 0) throw validation([{ path: 'querystring.to', code: 'DATE_RANGE' }]);
      if (toDayNumber(query.to) - toDayNumber(query.from) > MAX_DAYS) {
        throw validation([{ path: 'querystring.to', code: 'RANGE_TOO_LONG', params: { maximum: MAX_DAYS } }]);
      }
      const scope = await loadScope(db, actor, wibDate(clock.now()));
      if (!scope.wide && !scope.adminAll && scope.adminPaths.length === 0 && scope.headPaths.length === 0) throw forbidden();
      const { where, unit, servicePoint } = await filterFor(scope, query);
      const base = sql`from survey_responses sr join org_units u on u.id = sr.unit_id
        where sr.instansi_id = ${scope.instansiId} and sr.responded_on between ${query.from}::date and ${query.to}::date and ${where}`;

      const [groups, profile, comments] = await Promise.all([
        rows<GroupRow>(
          db,
          sql`select sr.service_point_id as id, sp.name, min(u.name) as "unitName", count(*)::int as n, ${SUM_COLUMNS}
              ${sql`from survey_responses sr join org_units u on u.id = sr.unit_id join service_points sp on sp.id = sr.service_point_id`}
              where sr.instansi_id = ${scope.instansiId} and sr.responded_on between ${query.from}::date and ${query.to}::date and ${where}
              group by sr.service_point_id, sp.name order by sp.name`,
        ),
        rows<{ dim: string; value: string | null; count: number }>(
          db,
          sql`select case when grouping(sr.sex) = 0 then 'sex' when grouping(sr.age_group) = 0 then 'ageGroup'
                          when grouping(sr.education) = 0 then 'education' else 'job' end as dim,
                     coalesce(sr.sex::text, sr.age_group, sr.education, sr.job) as value, count(*)::int as count
              ${base}
              group by grouping sets ((sr.sex), (sr.age_group), (sr.education), (sr.job))`,
        ),
        rows<{ respondedOn: string; servicePointName: string; comment: string }>(
          db,
          sql`select sr.responded_on::text as "respondedOn", sp.name as "servicePointName", sr.comment
              from survey_responses sr join org_units u on u.id = sr.unit_id join service_points sp on sp.id = sr.service_point_id
              where sr.instansi_id = ${scope.instansiId} and sr.responded_on between ${query.from}::date and ${query.to}::date and ${where}
                and sr.comment is not null
              order by sr.responded_on desc, sr.id desc limit 5000`,
        ),
      ]);

      const options = { weightVariant };
      const weight = weightVariant === '0.111' ? 0.111 : 1 / 9;
      const n = groups.reduce((a, g) => a + g.n, 0);
      const sums = IKM_UNSUR.map((_, i) => groups.reduce((a, g) => a + (sumsOf(g)[i] ?? 0), 0));
      const total = n > 0 ? computeIkmFromTotals({ sums, count: n }, options) : null;
      const nrr = sums.map((s) => (n > 0 ? s / n : 0));
      const weakest = n > 0 ? weakestUnsurFirst(nrr) : [];
      const rank = new Map(weakest.map((u, i) => [u.kode, i + 1]));

      const byUnsur = new Map<KodeUnsurIkm, IkmReport['weakestFirst'][number]['comments']>();
      for (const c of comments) {
        for (const kode of unsurMentionedIn(c.comment)) {
          const list = byUnsur.get(kode) ?? [];
          if (list.length < COMMENTS_PER_UNSUR) list.push(c);
          byUnsur.set(kode, list);
        }
      }
      const profileOf = (dim: string) =>
        profile
          .filter((p) => p.dim === dim)
          .map((p) => ({ value: p.value ?? 'TIDAK_DIISI', count: p.count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

      return {
        from: query.from,
        to: query.to,
        unit,
        servicePoint,
        weightVariant,
        responses: n,
        ikm: total?.ikm ?? null,
        mutu: total?.mutu ?? null,
        kinerja: total?.kinerja ?? null,
        unsur: IKM_UNSUR.map((u, i) => ({
          kode: u.kode,
          nama: u.nama,
          urutan: u.urutan,
          nrr: nrr[i] ?? 0,
          nrrTertimbang: (nrr[i] ?? 0) * weight,
          rank: rank.get(u.kode) ?? i + 1,
        })),
        weakestFirst: weakest.map((u) => ({ kode: u.kode, nama: u.nama, nrr: u.nrr, comments: byUnsur.get(u.kode) ?? [] })),
        servicePoints: groups.map((g) => {
          const r = computeIkmFromTotals({ sums: sumsOf(g), count: g.n }, options);
          return { id: g.id, name: g.name, unitName: g.unitName, responses: g.n, ikm: r.ikm, mutu: r.mutu, kinerja: r.kinerja };
        }),
        profile: { sex: profileOf('sex'), ageGroup: profileOf('ageGroup'), education: profileOf('education'), job: profileOf('job') },
      };
    },
  };
}

export type IkmReportService = ReturnType<typeof createIkmReportService>;

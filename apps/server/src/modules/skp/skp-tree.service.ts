import type { z } from 'zod';
import type { SkpTreeQuery, SkpTreeResponse } from '@pantau/contracts';
import { cascadeGaps, clampDate } from '@pantau/domain';
import { notFound } from '../../http/errors.js';
import { accessRepository } from '../org/access.repository.js';
import { orgRepository } from '../org/org.repository.js';
import { skpAccess } from './skp-access.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpPeopleRepository } from './skp-people.repository.js';
import type { SkpDeps } from './skp-plan.service.js';
import { unknownPerson } from './skp.presenter.js';
import { skpTreeRepository, type TreeNodeRow } from './skp-tree.repository.js';

type Counts = z.infer<typeof SkpTreeResponse>['city'];
const zero = (): Counts => ({ people: 0, withSkp: 0, approved: 0, rhk: 0, noParent: 0, parentMissing: 0, unsupported: 0 });

/**
 * The cascade tree city → unit → person for a year. Gaps are computed over every current SKP
 * of the instansi (links cross unit and scope boundaries); what is returned is limited to the
 * people the caller may read.
 */
export function createSkpTreeService({ db, clock }: SkpDeps) {
  const access = skpAccess(db, clock);

  return {
    async tree(ctx: SkpCtx, q: z.infer<typeof SkpTreeQuery>): Promise<z.infer<typeof SkpTreeResponse>> {
      const instansiId = instansiOf(ctx);
      const date = clampDate(access.today(), `${q.year}-01-01`, `${q.year}-12-31`);
      const tree = skpTreeRepository(db);
      const [nodes, leaders, posts, units] = await Promise.all([
        tree.yearNodes(instansiId, q.year),
        tree.leaders(instansiId, date),
        tree.posts(instansiId, date, accessRepository(db).scopeCondition(ctx.actor, date)),
        tree.units(instansiId),
      ]);
      const rhkNodes = nodes.filter((n): n is TreeNodeRow & { key: string; rhkId: number; kind: 'UTAMA' | 'TAMBAHAN' } => n.key !== null && n.rhkId !== null && n.kind !== null);
      const gaps = cascadeGaps(
        rhkNodes.map((n) => ({ key: n.key, employeeId: n.employeeId, parentKey: n.parentKey, needsParent: n.form === 'NON_JPT', cascadable: n.kind === 'UTAMA' })),
        leaders,
      );
      // One SKP per person: the one covering the reference date, else their latest.
      const skpOf = new Map<number, TreeNodeRow>();
      for (const n of nodes) {
        const prev = skpOf.get(n.employeeId);
        const covers = n.periodStart <= date && date <= n.periodEnd;
        if (!prev || (covers && prev.skpId !== n.skpId)) skpOf.set(n.employeeId, n);
      }
      const rhkBySkp = new Map<number, typeof rhkNodes>();
      for (const n of rhkNodes) rhkBySkp.set(n.skpId, [...(rhkBySkp.get(n.skpId) ?? []), n]);

      const unitOf = new Map(posts.map((p) => [p.employeeId, p.unitId]));
      const counts = new Map<number, Counts>();
      for (const [employeeId, unitId] of unitOf) {
        const c = counts.get(unitId) ?? zero();
        c.people++;
        const s = skpOf.get(employeeId);
        if (s) {
          c.withSkp++;
          if (s.status === 'APPROVED') c.approved++;
          for (const r of rhkBySkp.get(s.skpId) ?? []) {
            c.rhk++;
            const g = gaps.get(r.key) ?? [];
            if (g.includes('NO_PARENT')) c.noParent++;
            if (g.includes('PARENT_MISSING')) c.parentMissing++;
            if (g.includes('UNSUPPORTED')) c.unsupported++;
          }
        }
        counts.set(unitId, c);
      }
      // Units with someone in scope, and their ancestors so the tree stays connected.
      const byId = new Map(units.map((u) => [u.id, u]));
      const keep = new Set<number>();
      for (const unitId of counts.keys()) {
        const u = byId.get(unitId);
        for (const id of u ? u.path.split('/').filter(Boolean).map(Number) : []) keep.add(id);
      }
      const city = zero();
      const KEYS = ['people', 'withSkp', 'approved', 'rhk', 'noParent', 'parentMissing', 'unsupported'] as const satisfies readonly (keyof Counts)[];
      for (const c of counts.values()) for (const k of KEYS) city[k] += c[k];

      let people: z.infer<typeof SkpTreeResponse>['people'] = [];
      if (q.unitId !== undefined) {
        const unit = await orgRepository(db).findUnit(instansiId, q.unitId);
        if (!unit || !keep.has(unit.id)) throw notFound();
        const members = [...unitOf].filter(([, unitId]) => unitId === unit.id).map(([id]) => id);
        const refs = await skpPeopleRepository(db).personRefs(members, date);
        const sup = await orgRepository(db).supervisorsOn(members, date);
        people = members
          .map((id) => {
            const s = skpOf.get(id);
            const list = s ? (rhkBySkp.get(s.skpId) ?? []) : [];
            return {
              employee: refs.get(id) ?? unknownPerson(id),
              supervisorId: sup.get(id)?.supervisorId ?? null,
              skpId: s?.skpId ?? null,
              status: s?.status ?? null,
              rhk: list.map((r) => ({ id: r.rhkId, key: r.key, kind: r.kind, text: r.text ?? '', parentKey: r.parentKey, gaps: [...(gaps.get(r.key) ?? [])] })),
            };
          })
          .sort((a, b) => a.employee.name.localeCompare(b.employee.name));
      }
      return {
        year: q.year,
        city,
        units: units
          .filter((u) => keep.has(u.id))
          .map((u) => ({ id: u.id, parentId: u.parentId, name: u.name, depth: u.path.split('/').filter(Boolean).length - 1, counts: counts.get(u.id) ?? zero() })),
        people,
      };
    },
  };
}

export type SkpTreeService = ReturnType<typeof createSkpTreeService>;

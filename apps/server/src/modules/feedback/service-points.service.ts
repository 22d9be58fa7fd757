import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateServicePointBody, ServicePointDto, UpdateServicePointBody } from '@pantau/contracts';
import { IKM_ANSWER_SCALE, IKM_QUESTIONS, IKM_QUESTIONS_EN, IKM_UNSUR } from '@pantau/domain';
import type { Db } from '../../db/open-db.js';
import { instansi, orgUnits, servicePoints } from '../../db/schema/index.js';
import { conflict, forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { displayName } from '../org/names.js';
import { administers, loadScope, managedPathSql, type FeedbackScope } from './feedback-scope.js';
import { renderPoster } from './poster.js';
import { cleanOptional, requirePlain } from './text.js';
import { servicePointsRepository, type ServicePointListRow } from './service-points.repository.js';

export const surveyPath = (slug: string) => `/survei/${slug}`;

function toDto(row: ServicePointListRow): ServicePointDto {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    name: row.name,
    description: row.description,
    slug: row.slug,
    active: row.active,
    publicPath: surveyPath(row.slug),
    staffIds: row.staffIds,
  };
}

/** Names are shown on public pages and posters: plain text only. */
const requiredName = (name: string) => requirePlain(name, 'body.name');

/** "Perekaman KTP-el (Disdukcapil)" → "perekaman-ktp-el-disdukcapil". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `layanan-${base}`.replace(/-+$/g, '');
}

/** Admins (BKPSDM: all; admin OPD: their subtree) keep the service points; heads and readers list them. */
export function createServicePointService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = servicePointsRepository(db);
  const today = () => wibDate(clock.now());

  async function requireAdminOf(scope: FeedbackScope, unitId: number, path: string) {
    const unit = await repo.findUnit(scope.instansiId, unitId);
    if (!unit) throw validation([{ path, code: 'UNIT_UNKNOWN' }]);
    if (!administers(scope, unit.path)) throw forbidden();
    return unit;
  }

  async function load(scope: FeedbackScope, id: number): Promise<ServicePointListRow> {
    const row = await repo.findById(scope.instansiId, id);
    if (!row || !(scope.wide || scope.adminAll || administers(scope, row.unitPath) || scope.headPaths.some((p) => row.unitPath.startsWith(p)))) {
      throw notFound();
    }
    return row;
  }

  async function freeSlug(wanted: string | undefined, name: string, exceptId?: number): Promise<string> {
    if (wanted !== undefined) {
      if (await repo.slugTaken(wanted, exceptId)) throw conflict([{ path: 'body.slug', code: 'DUPLICATE' }]);
      return wanted;
    }
    const base = slugify(name);
    if (!(await repo.slugTaken(base, exceptId))) return base;
    return `${base.slice(0, 70)}-${randomBytes(3).toString('hex')}`;
  }

  return {
    async list(actor: Actor, query: { unitId?: number; includeInactive?: boolean }) {
      const scope = await loadScope(db, actor, today());
      const conds = [scope.wide ? sql`true` : managedPathSql(scope, sql`u.path`)];
      if (!query.includeInactive) conds.push(sql`sp.active`);
      if (query.unitId !== undefined) {
        const unit = await repo.findUnit(scope.instansiId, query.unitId);
        if (!unit) throw validation([{ path: 'querystring.unitId', code: 'UNIT_UNKNOWN' }]);
        conds.push(sql`u.path like ${`${unit.path}%`}`);
      }
      return (await repo.list(scope.instansiId, sql.join(conds, sql` and `))).map(toDto);
    },

    async get(actor: Actor, id: number) {
      const scope = await loadScope(db, actor, today());
      return toDto(await load(scope, id));
    },

    async create(actor: Actor, raw: z.infer<typeof CreateServicePointBody>, ctx: RequestContext) {
      const body = { ...raw, name: requiredName(raw.name), description: cleanOptional(raw.description) ?? undefined };
      const scope = await loadScope(db, actor, today());
      await requireAdminOf(scope, body.unitId, 'body.unitId');
      const slug = await freeSlug(body.slug, body.name);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(servicePoints)
          .values({ instansiId: scope.instansiId, unitId: body.unitId, name: body.name, description: body.description ?? null, slug, active: body.active ?? true })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await recordAudit(tx, ctx, { action: 'service_point.create', entityType: 'service_point', entityId: row.id, newValues: row });
        return row.id;
      });
      return toDto(await load(scope, id));
    },

    async update(actor: Actor, id: number, raw: z.infer<typeof UpdateServicePointBody>, ctx: RequestContext) {
      const body = {
        ...raw,
        ...(raw.name === undefined ? {} : { name: requiredName(raw.name) }),
        ...(raw.description === undefined ? {} : { description: cleanOptional(raw.description) }),
      };
      const scope = await loadScope(db, actor, today());
      const old = await load(scope, id);
      if (!administers(scope, old.unitPath)) throw forbidden();
      if (body.unitId !== undefined && body.unitId !== old.unitId) await requireAdminOf(scope, body.unitId, 'body.unitId');
      if (body.slug !== undefined && body.slug !== old.slug) await freeSlug(body.slug, old.name, id);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(servicePoints)
          .set({ ...body, updatedAt: clock.now() })
          .where(eq(servicePoints.id, id))
          .returning();
        const { staffIds: _s, unitName: _n, unitPath: _p, ...before } = old;
        await recordAudit(tx, ctx, { action: 'service_point.update', entityType: 'service_point', entityId: id, oldValues: before, newValues: row });
      });
      return toDto(await load(scope, id));
    },

    /** Deletes an unused service point; one with answers or complaints is deactivated instead (409). */
    async remove(actor: Actor, id: number, ctx: RequestContext) {
      const scope = await loadScope(db, actor, today());
      const old = await load(scope, id);
      if (!administers(scope, old.unitPath)) throw forbidden();
      if (await repo.isUsed(id)) throw conflict([{ path: 'id', code: 'SERVICE_POINT_IN_USE' }]);
      await db.transaction(async (tx) => {
        await servicePointsRepository(tx).replaceStaff(id, []);
        await tx.delete(servicePoints).where(eq(servicePoints.id, id));
        const { staffIds: _s, unitName: _n, unitPath: _p, ...before } = old;
        await recordAudit(tx, ctx, { action: 'service_point.delete', entityType: 'service_point', entityId: id, oldValues: before });
      });
    },

    /** Replaces the public staff list: employees within the admin's scope only. */
    async setStaff(actor: Actor, id: number, employeeIds: readonly number[], ctx: RequestContext) {
      const scope = await loadScope(db, actor, today());
      const old = await load(scope, id);
      if (!administers(scope, old.unitPath)) throw forbidden();
      const unique = [...new Set(employeeIds)];
      const allowed = await repo.employeesUnder(scope.instansiId, unique, scope.adminAll ? null : scope.adminPaths, scope.date);
      const bad = unique.findIndex((e) => !allowed.has(e));
      if (bad >= 0) throw validation([{ path: `body.employeeIds.${employeeIds.indexOf(unique[bad] ?? 0)}`, code: 'invalid_value' }]);
      await db.transaction(async (tx) => {
        await servicePointsRepository(tx).replaceStaff(id, unique);
        await recordAudit(tx, ctx, {
          action: 'service_point.staff',
          entityType: 'service_point',
          entityId: id,
          oldValues: { employeeIds: old.staffIds },
          newValues: { employeeIds: unique },
        });
      });
      return toDto(await load(scope, id));
    },

    async poster(actor: Actor, id: number, origin: string) {
      const scope = await loadScope(db, actor, today());
      const sp = await load(scope, id);
      const [meta] = await db
        .select({ instansiName: instansi.name, opdName: sql<string | null>`(select o.name from org_units o where o.id = ${orgUnits.opdId})` })
        .from(orgUnits)
        .innerJoin(instansi, eq(instansi.id, orgUnits.instansiId))
        .where(eq(orgUnits.id, sp.unitId));
      const pdf = await renderPoster({
        instansiName: meta?.instansiName ?? '',
        opdName: meta?.opdName ?? null,
        serviceName: sp.name,
        unitName: sp.unitName,
        surveyUrl: `${origin.replace(/\/+$/, '')}${surveyPath(sp.slug)}`,
      });
      return { pdf, slug: sp.slug };
    },

    /** Public page data: the 9 questions in the regulation's wording and the staff list (no NIP). */
    async publicView(slug: string) {
      const found = await repo.findBySlug(slug);
      if (!found || !found.sp.active) throw notFound();
      const opdId = found.opdId ?? found.sp.unitId;
      const [opd] = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, opdId));
      const staff = await repo.publicStaff(found.sp.id, found.sp.unitId, today());
      return {
        slug: found.sp.slug,
        name: found.sp.name,
        description: found.sp.description,
        unit: { id: found.sp.unitId, name: found.unitName },
        opd: opd ?? { id: found.sp.unitId, name: found.unitName },
        instansi: { code: found.instansiCode, name: found.instansiName },
        questions: IKM_UNSUR.map((u) => ({
          kode: u.kode,
          urutan: u.urutan,
          nama: u.nama,
          pertanyaan: IKM_QUESTIONS[u.kode],
          options: IKM_ANSWER_SCALE.map((a, i) => ({ nilai: a.nilai, huruf: a.huruf, label: u.jawaban[i] ?? '' })),
          en: { nama: IKM_QUESTIONS_EN[u.kode].nama, pertanyaan: IKM_QUESTIONS_EN[u.kode].pertanyaan, options: [...IKM_QUESTIONS_EN[u.kode].jawaban] },
        })),
        staff: staff.map((s) => ({ id: s.id, name: displayName(s), jabatan: s.jabatan })),
      };
    },
  };
}

export type ServicePointService = ReturnType<typeof createServicePointService>;

import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateHolidayBody, UpdateHolidayBody } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { holidays } from '../../db/schema/index.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { type Clock, wibDate } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { requireInstansi } from './feedback-scope.js';
import { NATIONAL_HOLIDAYS, seedNationalHolidays } from './holidays-2026.js';
import { requirePlain } from './text.js';

type HolidayRow = typeof holidays.$inferSelect;
const dto = (h: HolidayRow) => ({ id: h.id, date: h.date, name: h.name, kind: h.kind });

/** The instansi's calendar of days off; every signed-in user reads it, BKPSDM admins keep it. */
export function createHolidayService({ db, clock }: { db: Db; clock: Clock }) {
  function requireCalendarAdmin(actor: Actor): number {
    const instansiId = requireInstansi(actor);
    if (!actor.roles.has('ADMIN_BKPSDM')) throw forbidden();
    return instansiId;
  }

  async function find(instansiId: number, id: number): Promise<HolidayRow> {
    const [row] = await db.select().from(holidays).where(and(eq(holidays.instansiId, instansiId), eq(holidays.id, id)));
    if (!row) throw notFound();
    return row;
  }

  async function list(instansiId: number, year: number) {
    return (
      await db
        .select()
        .from(holidays)
        .where(and(eq(holidays.instansiId, instansiId), sql`${holidays.date} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`))
        .orderBy(asc(holidays.date))
    ).map(dto);
  }

  /** A date already in the calendar is a 409 naming the field, not a database error. */
  async function assertFreeDate(instansiId: number, date: string, exceptId?: number) {
    const [clash] = await db
      .select({ id: holidays.id })
      .from(holidays)
      .where(and(eq(holidays.instansiId, instansiId), eq(holidays.date, date)));
    if (clash && clash.id !== exceptId) throw conflict([{ path: 'body.date', code: 'DUPLICATE' }]);
  }

  return {
    async list(actor: Actor, year: number | undefined) {
      const instansiId = requireInstansi(actor);
      const y = year ?? Number(wibDate(clock.now()).slice(0, 4));
      return { year: y, holidays: await list(instansiId, y) };
    },

    async create(actor: Actor, raw: z.infer<typeof CreateHolidayBody>, ctx: RequestContext) {
      const instansiId = requireCalendarAdmin(actor);
      const body = { ...raw, name: requirePlain(raw.name, 'body.name') };
      await assertFreeDate(instansiId, body.date);
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(holidays).values({ instansiId, ...body }).returning();
        if (!row) throw new Error('insert returned nothing');
        await recordAudit(tx, ctx, { action: 'holiday.create', entityType: 'holiday', entityId: row.id, newValues: dto(row) });
        return dto(row);
      });
    },

    async update(actor: Actor, id: number, raw: z.infer<typeof UpdateHolidayBody>, ctx: RequestContext) {
      const instansiId = requireCalendarAdmin(actor);
      const body = raw.name === undefined ? raw : { ...raw, name: requirePlain(raw.name, 'body.name') };
      const old = await find(instansiId, id);
      if (body.date !== undefined) await assertFreeDate(instansiId, body.date, id);
      return db.transaction(async (tx) => {
        const [row] = await tx.update(holidays).set(body).where(eq(holidays.id, id)).returning();
        if (!row) throw notFound();
        await recordAudit(tx, ctx, { action: 'holiday.update', entityType: 'holiday', entityId: id, oldValues: dto(old), newValues: dto(row) });
        return dto(row);
      });
    },

    async remove(actor: Actor, id: number, ctx: RequestContext) {
      const instansiId = requireCalendarAdmin(actor);
      const old = await find(instansiId, id);
      await db.transaction(async (tx) => {
        await tx.delete(holidays).where(eq(holidays.id, id));
        await recordAudit(tx, ctx, { action: 'holiday.delete', entityType: 'holiday', entityId: id, oldValues: dto(old) });
      });
    },

    /** Adds the shipped national calendar (libur nasional + cuti bersama) of a year. */
    async importNational(actor: Actor, year: number, ctx: RequestContext) {
      const instansiId = requireCalendarAdmin(actor);
      if (!NATIONAL_HOLIDAYS[year]) throw notFound();
      const added = await db.transaction(async (tx) => {
        const n = await seedNationalHolidays(tx, instansiId, year);
        await recordAudit(tx, ctx, { action: 'holiday.import_national', entityType: 'holiday', entityId: null, newValues: { year, added: n } });
        return n;
      });
      return { year, added, holidays: await list(instansiId, year) };
    },
  };
}

export type HolidayService = ReturnType<typeof createHolidayService>;

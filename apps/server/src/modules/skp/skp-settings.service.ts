import type { z } from 'zod';
import type { SkpPeriodDto, SkpUpdateSettingsBody } from '@pantau/contracts';
import { CURRENT_SKP_RULE_SET, DEFAULT_PERIOD_LENGTH, SKP_RULE_SETS, evaluationPeriods, type SkpRuleSet } from '@pantau/domain';
import type { Db, DbOrTx, Tx } from '../../db/open-db.js';
import { forbidden } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { instansiOf, type SkpCtx } from './skp-context.js';
import { skpConflict, skpInvalid } from './skp-messages.js';
import { skpPeriodsRepository, type PeriodRow, type SettingsRow } from './skp-periods.repository.js';

export const DEFAULT_SETTINGS = {
  periodLength: DEFAULT_PERIOD_LENGTH,
  objectionDays: 14,
  objectionDecisionDays: 14,
  ruleSetId: CURRENT_SKP_RULE_SET.id,
  unitHeadFollowsOrg: true,
} as const;

export type EffectiveSettings = Pick<SettingsRow, 'periodLength' | 'objectionDays' | 'objectionDecisionDays' | 'ruleSetId' | 'unitHeadFollowsOrg'>;

export function ruleSetById(id: string | null | undefined): SkpRuleSet {
  return SKP_RULE_SETS.find((r) => r.id === id) ?? CURRENT_SKP_RULE_SET;
}

export async function effectiveSettings(db: DbOrTx, instansiId: number): Promise<EffectiveSettings> {
  return (await skpPeriodsRepository(db).settings(instansiId)) ?? { ...DEFAULT_SETTINGS };
}

export function periodDto(p: PeriodRow): SkpPeriodDto {
  return {
    id: p.id,
    year: p.year,
    kind: p.kind,
    length: p.length,
    seq: p.seq,
    startDate: p.startDate,
    endDate: p.endDate,
    label: { id: p.labelId, en: p.labelEn },
  };
}

/**
 * Materialises the periods of a year from the instansi settings, inside the caller's
 * transaction, and audits it. Returns the periods (existing or new).
 */
export async function ensurePeriods(tx: Tx, req: RequestContext, instansiId: number, year: number): Promise<PeriodRow[]> {
  const repo = skpPeriodsRepository(tx);
  const existing = await repo.periodsOf(instansiId, year);
  if (existing.length > 0) return existing;
  const { periodLength } = await effectiveSettings(tx, instansiId);
  const planned = evaluationPeriods(year, periodLength).map((p) => ({
    instansiId,
    year,
    kind: p.kind,
    length: p.kind === 'ANNUAL' ? null : periodLength,
    seq: p.seq,
    startDate: p.startDate,
    endDate: p.endDate,
    labelId: p.label.id,
    labelEn: p.label.en,
  }));
  const inserted = await repo.insertPeriods(planned);
  if (inserted > 0) {
    await recordAudit(tx, req, { action: 'skp.periods.generate', entityType: 'skp_periods', entityId: year, instansiId, newValues: { year, periodLength } });
  }
  return repo.periodsOf(instansiId, year);
}

export function createSkpSettingsService({ db }: { db: Db }) {
  const isAdmin = (ctx: SkpCtx) => ctx.actor.roles.has('ADMIN_BKPSDM');

  async function dto(ctx: SkpCtx, s: EffectiveSettings) {
    return {
      periodLength: s.periodLength,
      objectionDays: s.objectionDays,
      objectionDecisionDays: s.objectionDecisionDays,
      ruleSetId: s.ruleSetId,
      unitHeadFollowsOrg: s.unitHeadFollowsOrg,
      ruleSets: SKP_RULE_SETS.map((r) => ({ id: r.id, name: r.name, validFrom: r.validFrom })),
      canEdit: isAdmin(ctx),
    };
  }

  return {
    async get(ctx: SkpCtx) {
      return dto(ctx, await effectiveSettings(db, instansiOf(ctx)));
    },

    async update(ctx: SkpCtx, body: z.infer<typeof SkpUpdateSettingsBody>) {
      const instansiId = instansiOf(ctx);
      if (!isAdmin(ctx)) throw forbidden();
      if (body.ruleSetId !== undefined && !SKP_RULE_SETS.some((r) => r.id === body.ruleSetId)) {
        throw skpInvalid(ctx.locale, 'body.ruleSetId', 'RULE_SET_UNKNOWN');
      }
      const saved = await db.transaction(async (tx) => {
        const before = await effectiveSettings(tx, instansiId);
        const after = { ...before, ...body };
        const row = await skpPeriodsRepository(tx).upsertSettings({ instansiId, ...after, updatedByUserId: ctx.actor.userId });
        await recordAudit(tx, ctx.req, { action: 'skp.settings.update', entityType: 'skp_settings', entityId: instansiId, oldValues: before, newValues: after });
        return row;
      });
      return dto(ctx, saved);
    },

    async periods(ctx: SkpCtx, year: number) {
      return (await skpPeriodsRepository(db).periodsOf(instansiOf(ctx), year)).map(periodDto);
    },

    /**
     * Admin: (re)generates the periods of a year from the settings. Unused periods of another
     * length are replaced; once any period is used the year is fixed (409).
     */
    async generate(ctx: SkpCtx, year: number) {
      const instansiId = instansiOf(ctx);
      if (!isAdmin(ctx)) throw forbidden();
      const rowsOut = await db.transaction(async (tx) => {
        const repo = skpPeriodsRepository(tx);
        const existing = await repo.periodsOf(instansiId, year);
        const { periodLength } = await effectiveSettings(tx, instansiId);
        const periodic = existing.find((p) => p.kind === 'PERIODIC');
        if (periodic && periodic.length !== periodLength) {
          if (await repo.periodsInUse(existing.map((p) => p.id))) throw skpConflict(ctx.locale, 'body.year', 'PERIODS_IN_USE');
          await repo.deletePeriods(existing.map((p) => p.id));
          await recordAudit(tx, ctx.req, { action: 'skp.periods.delete', entityType: 'skp_periods', entityId: year, oldValues: { length: periodic.length } });
        }
        return ensurePeriods(tx, ctx.req, instansiId, year);
      });
      return rowsOut.map(periodDto);
    },
  };
}

export type SkpSettingsService = ReturnType<typeof createSkpSettingsService>;

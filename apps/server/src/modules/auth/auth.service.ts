import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Me, Role } from '@pantau/contracts';
import type { Db } from '../../db/open-db.js';
import { apiTokens, employees, instansi, roleGrants, sessions, users } from '../../db/schema/index.js';
import { AppError, forbidden, notFound, validation } from '../../http/errors.js';
import { type Clock, wibDate, wibTime } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.repository.js';
import { accessRepository, isAtasanExpr } from '../org/access.repository.js';
import { preparedRows } from '../../db/raw.js';
import type { RoleName } from '../../db/schema/auth.js';
import type { Actor, RequestContext } from './actor.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './tokens.js';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  session: { hours: number };
  login: { maxFailures: number; lockoutMinutes: number };
}

type UserRow = typeof users.$inferSelect;
type Grant = { role: RoleName; unitId: number | null };
interface SessionRow {
  csrfToken: string;
  lastSeenMs: number;
  id: number;
  employeeId: number | null;
  instansiId: number | null;
  login: string;
  displayName: string;
  mustChangePassword: boolean;
  locale: string;
  grants: Grant[];
  isAtasan: boolean;
}

function buildActor(
  user: Pick<UserRow, 'id' | 'employeeId' | 'instansiId' | 'login' | 'displayName' | 'mustChangePassword' | 'locale'>,
  grants: readonly Grant[],
  isAtasan: boolean,
  method: Actor['authMethod'],
  session?: { id: string; csrfToken: string },
): Actor {
  const roles = new Set<Role>(user.employeeId === null ? [] : ['PEGAWAI']);
  const adminUnitIds: number[] = [];
  for (const g of grants) {
    roles.add(g.role);
    if (g.role === 'ADMIN_OPD' && g.unitId !== null) adminUnitIds.push(g.unitId);
  }
  if (isAtasan) roles.add('ATASAN');
  return {
    userId: user.id,
    employeeId: user.employeeId,
    instansiId: user.instansiId,
    login: user.login,
    name: user.displayName,
    roles,
    adminUnitIds,
    authMethod: method,
    sessionId: session?.id,
    csrfToken: session?.csrfToken,
    mustChangePassword: user.mustChangePassword,
    locale: user.locale === 'en' ? 'en' : 'id',
  };
}

export function createAuthService(deps: AuthDeps) {
  const { db, clock } = deps;

  async function actorFor(user: UserRow, method: Actor['authMethod'], session?: { id: string; csrfToken: string }): Promise<Actor> {
    const grants = await db.select({ role: roleGrants.role, unitId: roleGrants.unitId }).from(roleGrants).where(eq(roleGrants.userId, user.id));
    const atasan = user.employeeId !== null && (await accessRepository(db).isAtasan(user.employeeId, wibDate(clock.now())));
    return buildActor(user, grants, atasan, method, session);
  }

  return {
    actorFor,

    async login(input: { nip: string; password: string; userAgent?: string }, ctx: RequestContext) {
      const login = input.nip.replace(/\s+/g, '');
      const [found] = await db
        .select({ user: users, employeeActive: employees.active })
        .from(users)
        .leftJoin(employees, eq(employees.id, users.employeeId))
        .where(eq(users.login, login));
      // Someone who left the instansi (marked inactive, e.g. by an import) can no longer sign in.
      const user = found && found.employeeActive !== false ? found.user : undefined;
      const now = clock.now();
      if (user?.lockedUntil && user.lockedUntil > now) {
        await db.transaction((tx) =>
          recordAudit(tx, ctx, { action: 'auth.login_locked', entityType: 'user', entityId: user.id, instansiId: user.instansiId }),
        );
        throw new AppError(423, 'ACCOUNT_LOCKED', { until: wibTime(user.lockedUntil) });
      }
      const ok = await verifyPassword(user?.active ? user.passwordHash : null, input.password);
      if (!user || !ok) {
        await db.transaction(async (tx) => {
          if (user) {
            const failures = user.failedAttempts + 1;
            const lock = failures >= deps.login.maxFailures;
            await tx
              .update(users)
              .set({
                failedAttempts: lock ? 0 : failures,
                lockedUntil: lock ? new Date(now.getTime() + deps.login.lockoutMinutes * 60_000) : user.lockedUntil,
              })
              .where(eq(users.id, user.id));
          }
          // The typed login is not stored for unknown accounts: it may be a mistyped password.
          await recordAudit(tx, ctx, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            instansiId: user?.instansiId ?? null,
          });
        });
        throw new AppError(401, 'INVALID_CREDENTIALS');
      }
      const token = randomToken();
      const session = {
        id: sha256(token),
        userId: user.id,
        csrfToken: randomToken(24),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + deps.session.hours * 3600_000),
        ip: ctx.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      };
      await db.transaction(async (tx) => {
        await tx.insert(sessions).values(session);
        await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
        await recordAudit(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, instansiId: user.instansiId });
      });
      return { token, actor: await actorFor({ ...user, failedAttempts: 0 }, 'session', session), expiresAt: session.expiresAt };
    },

    async logout(actor: Actor, ctx: RequestContext) {
      if (!actor.sessionId) return;
      const sessionId = actor.sessionId;
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.id, sessionId));
        await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
      });
    },

    /** One statement per request: session, user, role grants and whether they are an atasan today. */
    async resolveSession(token: string): Promise<Actor | null> {
      const id = sha256(token);
      const now = clock.now();
      const [row] = await preparedRows<SessionRow>(
        db,
        'pantau_session_check',
        sql`select s.csrf_token as "csrfToken", (extract(epoch from s.last_seen_at) * 1000)::float8 as "lastSeenMs",
                   u.id, u.employee_id as "employeeId", u.instansi_id as "instansiId", u.login,
                   u.display_name as "displayName", u.must_change_password as "mustChangePassword", u.locale,
                   coalesce((select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id))
                             from role_grants g where g.user_id = u.id), '[]'::json) as grants,
                   (u.employee_id is not null and ${isAtasanExpr(sql`u.employee_id`, wibDate(now))}) as "isAtasan"
            from sessions s join users u on u.id = s.user_id
            where s.id = ${id} and s.expires_at > ${now.toISOString()}::timestamptz and u.active
              and (u.employee_id is null or exists (select 1 from employees e where e.id = u.employee_id and e.active))`,
      );
      if (!row) return null;
      // Sliding expiry, written at most once a minute per session.
      if (now.getTime() - row.lastSeenMs > 60_000) {
        await db
          .update(sessions)
          .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + deps.session.hours * 3600_000) })
          .where(eq(sessions.id, id));
      }
      return buildActor(row, row.grants, row.isAtasan, 'session', { id, csrfToken: row.csrfToken });
    },

    async resolveApiToken(token: string): Promise<Actor | null> {
      const now = clock.now();
      const [row] = await db
        .select({ token: apiTokens, user: users, employeeActive: employees.active })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .leftJoin(employees, eq(employees.id, users.employeeId))
        .where(
          and(
            eq(apiTokens.tokenHash, sha256(token)),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          ),
        );
      if (!row || !row.user.active || row.employeeActive === false) return null;
      if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
      }
      return actorFor(row.user, 'token');
    },

    async me(actor: Actor): Promise<Me> {
      let instansiName: string | null = null;
      if (actor.instansiId !== null) {
        const [i] = await db.select({ name: instansi.name }).from(instansi).where(eq(instansi.id, actor.instansiId));
        instansiName = i?.name ?? null;
      }
      return {
        userId: actor.userId,
        employeeId: actor.employeeId,
        instansiId: actor.instansiId,
        instansiName,
        nip: actor.login,
        name: actor.name,
        roles: [...actor.roles],
        adminUnitIds: [...actor.adminUnitIds],
        mustChangePassword: actor.mustChangePassword,
        locale: actor.locale,
        csrfToken: actor.csrfToken ?? null,
      };
    },

    async setLocale(actor: Actor, locale: 'id' | 'en', ctx: RequestContext) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ locale }).where(eq(users.id, actor.userId));
        await recordAudit(tx, ctx, { action: 'user.locale', entityType: 'user', entityId: actor.userId, oldValues: { locale: actor.locale }, newValues: { locale } });
      });
    },

    async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }, ctx: RequestContext) {
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (!user) throw notFound();
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw validation([{ path: 'body.currentPassword', code: 'WRONG_PASSWORD' }]);
      }
      if (input.currentPassword === input.newPassword) {
        throw validation([{ path: 'body.newPassword', code: 'SAME_PASSWORD' }]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: clock.now() })
          .where(eq(users.id, actor.userId));
        // Other sessions of this user end; the current one stays.
        await tx
          .delete(sessions)
          .where(and(eq(sessions.userId, actor.userId), actor.sessionId ? sql`${sessions.id} <> ${actor.sessionId}` : sql`true`));
        await recordAudit(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: actor.userId });
      });
    },

    /** Admin reset: the user must choose a new password at next sign-in; their sessions end. */
    async resetPassword(actor: Actor, employeeId: number, newPassword: string, ctx: RequestContext) {
      if (!actor.roles.has('ADMIN_BKPSDM') && !actor.roles.has('ADMIN_OPD')) throw forbidden();
      if (actor.instansiId === null) throw notFound();
      const [emp] = await db
        .select()
        .from(employees)
        .where(and(eq(employees.id, employeeId), eq(employees.instansiId, actor.instansiId)));
      if (!emp) throw notFound();
      if (!actor.roles.has('ADMIN_BKPSDM')) {
        const visible = await accessRepository(db).readableEmployeeIds(
          { ...actor, roles: new Set<Role>(['ADMIN_OPD']), employeeId: null },
          [employeeId],
          wibDate(clock.now()),
        );
        if (!visible.has(employeeId)) throw notFound();
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const [existing] = await tx.select().from(users).where(eq(users.employeeId, emp.id));
        let userId: number;
        if (existing) {
          userId = existing.id;
          await tx
            .update(users)
            .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null })
            .where(eq(users.id, existing.id));
          await tx.delete(sessions).where(eq(sessions.userId, existing.id));
        } else {
          const [created] = await tx
            .insert(users)
            .values({
              instansiId: emp.instansiId,
              employeeId: emp.id,
              login: emp.nip,
              displayName: emp.name,
              passwordHash,
              mustChangePassword: true,
            })
            .returning({ id: users.id });
          if (!created) throw new Error('user insert returned nothing');
          userId = created.id;
        }
        await recordAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: userId, newValues: { employeeId } });
      });
    },

    async purgeExpiredSessions() {
      await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

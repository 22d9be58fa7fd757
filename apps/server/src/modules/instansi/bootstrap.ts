import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-db.js';
import { employees, instansi, orgUnits, roleGrants, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/passwords.js';

const DEFAULT_NAMES: Record<string, string> = { lhokseumawe: 'Pemerintah Kota Lhokseumawe' };

/**
 * Ensures the BKPSDM admin from PANTAU_ADMIN_NIP / PANTAU_ADMIN_PASSWORD exists with that
 * password (created, or its password reset, at every start). The instansi is created when
 * missing. Linked to the employee with that NIP if there is one.
 */
export async function ensureBootstrapAdmin(
  db: Db,
  admin: { nip: string; password: string; instansiCode: string },
): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    const ctx = { actor: null, requestId: 'startup', ip: null };
    let [inst] = await tx.select().from(instansi).where(eq(instansi.code, admin.instansiCode));
    if (!inst) {
      [inst] = await tx
        .insert(instansi)
        .values({ code: admin.instansiCode, name: DEFAULT_NAMES[admin.instansiCode] ?? admin.instansiCode })
        .returning();
      if (!inst) throw new Error('insert returned nothing');
      const [root] = await tx
        .insert(orgUnits)
        .values({ instansiId: inst.id, name: inst.name, kind: 'LAINNYA', path: '/' })
        .returning({ id: orgUnits.id });
      if (root) await tx.update(orgUnits).set({ path: `/${root.id}/`, opdId: root.id }).where(eq(orgUnits.id, root.id));
      await recordAudit(tx, ctx, { action: 'instansi.create', entityType: 'instansi', entityId: inst.id, instansiId: inst.id });
    }
    const [emp] = await tx
      .select()
      .from(employees)
      .where(and(eq(employees.nip, admin.nip), eq(employees.instansiId, inst.id)));
    const [existing] = await tx.select().from(users).where(eq(users.login, admin.nip));
    let userId: number;
    if (existing) {
      userId = existing.id;
      await tx
        .update(users)
        .set({ passwordHash, failedAttempts: 0, lockedUntil: null, active: true, mustChangePassword: false })
        .where(eq(users.id, existing.id));
    } else {
      const [u] = await tx
        .insert(users)
        .values({
          instansiId: inst.id,
          employeeId: emp?.id ?? null,
          login: admin.nip,
          displayName: emp?.name ?? 'Admin BKPSDM',
          passwordHash,
          mustChangePassword: false,
        })
        .returning({ id: users.id });
      if (!u) throw new Error('insert returned nothing');
      userId = u.id;
    }
    const grants = await tx.select().from(roleGrants).where(eq(roleGrants.userId, userId));
    if (!grants.some((g) => g.role === 'ADMIN_BKPSDM')) {
      await tx.insert(roleGrants).values({ userId, role: 'ADMIN_BKPSDM', instansiId: inst.id });
    }
    await recordAudit(tx, ctx, {
      action: existing ? 'user.bootstrap_password_reset' : 'user.bootstrap_create',
      entityType: 'user',
      entityId: userId,
      instansiId: inst.id,
    });
    return { created: !existing };
  });
}

import { createHash } from 'node:crypto';

/** JSON with keys sorted at every level, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface HashableAuditRow {
  id: number;
  at: Date;
  instansiId: number | null;
  actorUserId: number | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  oldValues: unknown;
  newValues: unknown;
  requestId: string | null;
  ip: string | null;
}

/** hash(n) = sha256(hash(n-1) ‖ canonical(row n)); the id is part of the row so reordering shows. */
export function auditHash(prevHash: string, row: HashableAuditRow): string {
  return createHash('sha256')
    .update(prevHash)
    .update(
      canonicalJson([
        row.id,
        row.at.toISOString(),
        row.instansiId,
        row.actorUserId,
        row.actorLabel,
        row.action,
        row.entityType,
        row.entityId,
        row.oldValues ?? null,
        row.newValues ?? null,
        row.requestId,
        row.ip,
      ]),
    )
    .digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Stands for the atasan's employee id in an event's `newValues.verifierEmployeeId` when the SQL
 * function that writes the row looks the atasan up itself (migration 0013): the canonical text
 * then has a third hole there.
 */
export const VERIFIER_HOLE = '\u0000pantau:verifier\u0000';

/**
 * The canonical text of a row around the values only the database knows when the row is written
 * in SQL (its chain id, the id of the entity it inserts in the same statement and, when the event
 * holds `VERIFIER_HOLE`, the atasan it looks up): canonical = '[' + id + afterId + entityId +
 * afterEntityId [+ verifier + afterVerifier], byte for byte what `auditHash` hashes for the full
 * row. Used by write paths that chain their audit rows inside one SQL function call (migrations
 * 0012, 0013), so the head lock is held only inside the database.
 */
export function auditCanonicalParts(row: Omit<HashableAuditRow, 'id' | 'entityId'>): {
  afterId: string;
  afterEntityId: string;
  afterVerifier?: string;
} {
  const before = [row.at.toISOString(), row.instansiId, row.actorUserId, row.actorLabel, row.action, row.entityType];
  const after = `",${[row.oldValues ?? null, row.newValues ?? null, row.requestId, row.ip].map(canonicalJson).join(',')}]`;
  const afterId = `,${before.map(canonicalJson).join(',')},"`;
  const hole = JSON.stringify(VERIFIER_HOLE);
  const at = after.indexOf(hole);
  if (at < 0) return { afterId, afterEntityId: after };
  const held = row.newValues as Record<string, unknown> | null;
  if (held?.verifierEmployeeId !== VERIFIER_HOLE || after.indexOf(hole, at + 1) >= 0) {
    throw new Error('VERIFIER_HOLE may stand only for newValues.verifierEmployeeId');
  }
  return { afterId, afterEntityId: after.slice(0, at), afterVerifier: after.slice(at + hole.length) };
}

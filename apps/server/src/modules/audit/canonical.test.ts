import { describe, expect, it } from 'vitest';
import { auditCanonicalParts, auditHash, canonicalJson, GENESIS_HASH, VERIFIER_HOLE } from './canonical.js';
import { createHash } from 'node:crypto';

describe('auditCanonicalParts', () => {
  const rows = [
    {
      at: new Date('2025-01-08T03:00:00.123Z'),
      instansiId: 7,
      actorUserId: 12,
      actorLabel: 'Nurul "Staf", S.Kom. (nurul)',
      action: 'daily_report.create',
      entityType: 'daily_report',
      oldValues: null,
      newValues: { z: 1, a: [{ b: 'Ü 😀 \\ \n \u0001', c: null }], m: 2.5 },
      requestId: 'req-1',
      ip: '127.0.0.1',
    },
    {
      at: new Date('2026-11-28T00:00:00.000Z'),
      instansiId: null,
      actorUserId: null,
      actorLabel: null,
      action: 'daily_report.submit',
      entityType: 'daily_report',
      oldValues: { status: 'DRAFT' },
      newValues: undefined,
      requestId: null,
      ip: null,
    },
  ];

  it('rebuilds, around the two ids, the exact text auditHash hashes', () => {
    for (const row of rows) {
      const parts = auditCanonicalParts(row);
      for (const [id, entityId] of [
        [1, '1'],
        [123456789, '98765'],
      ] as const) {
        const text = `[${id}${parts.afterId}${entityId}${parts.afterEntityId}`;
        const full = { ...row, id, entityId };
        expect(text).toBe(
          canonicalJson([full.id, full.at.toISOString(), full.instansiId, full.actorUserId, full.actorLabel, full.action, full.entityType, full.entityId, full.oldValues ?? null, full.newValues ?? null, full.requestId, full.ip]),
        );
        // The database computes sha256(prev ‖ text) over UTF-8 bytes (migration 0012).
        expect(createHash('sha256').update(Buffer.from(GENESIS_HASH + text, 'utf8')).digest('hex')).toBe(auditHash(GENESIS_HASH, full));
      }
    }
  });

  it('leaves a third hole for the atasan the database looks up (migration 0013), for an id and for none', () => {
    const row = { ...rows[1]!, newValues: { status: 'SUBMITTED', date: '2026-11-27', totalMinutes: 420, verifierEmployeeId: VERIFIER_HOLE, ü: 'é' } };
    const parts = auditCanonicalParts(row);
    expect(parts.afterVerifier).toBeDefined();
    for (const verifier of [4711, null]) {
      const text = `[${9}${parts.afterId}${'55'}${parts.afterEntityId}${verifier === null ? 'null' : String(verifier)}${parts.afterVerifier}`;
      const full = { ...row, id: 9, entityId: '55', newValues: { ...row.newValues, verifierEmployeeId: verifier } };
      expect(createHash('sha256').update(Buffer.from(GENESIS_HASH + text, 'utf8')).digest('hex')).toBe(auditHash(GENESIS_HASH, full));
    }
    expect(auditCanonicalParts(rows[0]!).afterVerifier).toBeUndefined();
  });

  it('refuses the hole anywhere but newValues.verifierEmployeeId', () => {
    expect(() => auditCanonicalParts({ ...rows[1]!, newValues: { note: VERIFIER_HOLE } })).toThrow(/VERIFIER_HOLE/);
    expect(() => auditCanonicalParts({ ...rows[1]!, oldValues: { verifierEmployeeId: VERIFIER_HOLE }, newValues: { verifierEmployeeId: VERIFIER_HOLE } })).toThrow(/VERIFIER_HOLE/);
  });
});

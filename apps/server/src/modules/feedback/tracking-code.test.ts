import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '../../db/schema/index.js';
import { feedbackFixture, makeServicePoint, submitComplaint, track, type FeedbackFixture } from './feedback.test-helpers.js';
import { sha256 } from './text.js';
import { CROCKFORD, codeCandidates, groupedSecret, newTrackingCode, newTrackingSecret, secretCandidates } from './tracking-code.js';

describe('tracking code and secret', () => {
  it('are short Crockford base32: ADU-XXXX-XXXX (40 bits) and 12 characters (60 bits)', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newTrackingCode();
      const secret = newTrackingSecret();
      expect(code).toMatch(/^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
    expect(CROCKFORD).toHaveLength(32);
    expect(CROCKFORD).not.toMatch(/[ILOU]/);
    expect(groupedSecret('K3M9Q2XA7BCD')).toBe('K3M9 Q2XA 7BCD');
  });

  it('match what a person types: any case, spaces or hyphens, O for 0, I or L for 1, no prefix', () => {
    for (const typed of ['ADU-7K3M-9Q2X', 'adu 7k3m 9q2x', '7K3M9Q2X', 'adu-7k3m-9q2x ']) {
      expect(codeCandidates(typed), typed).toContain('ADU-7K3M-9Q2X');
    }
    expect(codeCandidates('ADU-1K0M-9Q2X')).toContain('ADU-1K0M-9Q2X');
    expect(codeCandidates('adu-lkom-9q2x')).toContain('ADU-1K0M-9Q2X');
    expect(secretCandidates('k3m9 q2xa 7bcd')).toContain('K3M9Q2XA7BCD');
    expect(secretCandidates('K3M9-Q2XA-7BCO')).toContain('K3M9Q2XA7BC0');
    expect(secretCandidates('KIM9Q2XA7BCD')).toContain('K1M9Q2XA7BCD');
  });

  it('keep older codes usable: an old alphabet code (with L or U) and a base64url secret as typed', () => {
    expect(codeCandidates('ADU-LUXA-7K3M')).toContain('ADU-LUXA-7K3M');
    const old = randomBytes(24).toString('base64url');
    expect(secretCandidates(old)).toContain(old);
    expect(secretCandidates(`${old.slice(0, 4)} ${old.slice(4)}`)).toContain(old);
  });
});

describe('GET /api/public/complaints/:code with typed codes', () => {
  let f: FeedbackFixture;
  let slug: string;
  beforeAll(async () => {
    f = await feedbackFixture('2026-03-02T02:00:00Z');
    slug = (await makeServicePoint(f, f.org.units.seksi.id, 'Perekaman KTP', 'ktp')).slug;
  });
  afterAll(async () => {
    await f?.close();
  });

  it('finds a new complaint from the code and secret typed loosely, and 404s for a wrong secret', async () => {
    const c = await submitComplaint(f, { servicePointSlug: slug, description: 'Antrean perekaman KTP sangat lama hari ini.' });
    expect(c.token).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const loose = { trackingCode: encodeURIComponent(c.trackingCode.toLowerCase().replace(/-/g, ' ')), token: groupedSecret(c.token.toLowerCase()) };
    const res = await track(f, loose);
    expect(res.statusCode).toBe(200);
    expect(res.json().complaint.trackingCode).toBe(c.trackingCode);
    const wrong = await track(f, { trackingCode: c.trackingCode, token: newTrackingSecret() });
    expect(wrong.statusCode).toBe(404);
  });

  it('still opens a complaint stored with an old code and a long base64url secret', async () => {
    const c = await submitComplaint(f, { servicePointSlug: slug, description: 'Petugas loket tidak ada di tempat sejak pagi.' });
    const oldToken = randomBytes(24).toString('base64url');
    await f.db.db.update(complaints).set({ trackingCode: 'ADU-LUXA-7K3M', tokenHash: sha256(oldToken) }).where(eq(complaints.id, c.id));
    expect((await track(f, { trackingCode: 'ADU-LUXA-7K3M', token: oldToken })).statusCode).toBe(200);
    expect((await track(f, { trackingCode: 'adu-luxa-7k3m', token: oldToken })).statusCode).toBe(200);
    // Old secrets are case-sensitive: changing the case is a different secret.
    const flipped = oldToken.replace(/[a-z]/, (ch) => ch.toUpperCase());
    if (flipped !== oldToken) expect((await track(f, { trackingCode: 'ADU-LUXA-7K3M', token: flipped })).statusCode).toBe(404);
  });
});

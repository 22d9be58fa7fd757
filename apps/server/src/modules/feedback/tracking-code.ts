import { randomBytes } from 'node:crypto';

/**
 * Tracking code and secret of a complaint, made to be read aloud at a counter and typed on a
 * phone: Crockford base32 (digits and capitals without I, L, O, U), so a misread O/0 or I/L/1
 * still matches, in groups of four.
 *
 * - Code "ADU-7K3M-9Q2X": 40 random bits. Officials see it; alone it opens nothing.
 * - Secret "K3M9 Q2XA 7BCD": 60 random bits, stored only as a SHA-256 hash. With the
 *   per-address lookup limit (60 per 10 minutes by default), even 10 000 addresses guessing day
 *   and night find a given complaint with a chance of about 1 in 10^10 per day.
 *
 * Complaints from before this format (a 32-character base64url secret, codes from another
 * alphabet) keep working: the lookup tries the input as typed as well as normalised.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_LENGTH = 12;

function crockford(n: number): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  return [...randomBytes(n)].map((b) => CROCKFORD[b % 32] ?? '0').join('');
}

export function newTrackingCode(): string {
  const c = crockford(8);
  return `ADU-${c.slice(0, 4)}-${c.slice(4)}`;
}

export function newTrackingSecret(): string {
  return crockford(SECRET_LENGTH);
}

/** "K3M9Q2XA7BCD" → "K3M9 Q2XA 7BCD" (messages and the page show it this way). */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** Crockford decoding of what a person typed: case, spaces and hyphens ignored, O→0, I/L→1. */
function crockfordNormalised(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The stored codes a typed tracking code may stand for ("adu 7k3m 9q2x", "7K3M9Q2X", …). */
export function codeCandidates(input: string): string[] {
  const shape = (s: string) => {
    const bare = s.replace(/^ADU/, '');
    return bare.length === 8 ? `ADU-${bare.slice(0, 4)}-${bare.slice(4)}` : s;
  };
  const plain = shape(input.toUpperCase().replace(/[\s-]+/g, ''));
  // Only the part after the "ADU" prefix is decoded.
  const rest = input.toUpperCase().replace(/[\s-]+/g, '').replace(/^ADU/, '');
  const decoded = shape(crockfordNormalised(rest));
  return [...new Set([plain, decoded])];
}

/** The secrets a typed secret may stand for: as typed (older base64url secrets) and decoded. */
export function secretCandidates(input: string): string[] {
  const raw = input.trim();
  return [...new Set([raw, raw.replace(/\s+/g, ''), crockfordNormalised(raw)])].filter((s) => s !== '');
}

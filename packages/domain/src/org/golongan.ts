import type { JenisAsn } from './asn.js';

/**
 * Golongan/ruang and pangkat of PNS (§6.3 of the reference, [S15]) and PPPK golongan (Perpres
 * 98/2020; UNCONFIRMED in the reference, used as the default: I … XVII without pangkat names).
 */

/** PNS golongan/ruang I/a … IV/e with the pangkat name, in ascending order. */
export const PNS_GOLONGAN = [
  { golongan: 'I/a', pangkat: 'Juru Muda' },
  { golongan: 'I/b', pangkat: 'Juru Muda Tingkat I' },
  { golongan: 'I/c', pangkat: 'Juru' },
  { golongan: 'I/d', pangkat: 'Juru Tingkat I' },
  { golongan: 'II/a', pangkat: 'Pengatur Muda' },
  { golongan: 'II/b', pangkat: 'Pengatur Muda Tingkat I' },
  { golongan: 'II/c', pangkat: 'Pengatur' },
  { golongan: 'II/d', pangkat: 'Pengatur Tingkat I' },
  { golongan: 'III/a', pangkat: 'Penata Muda' },
  { golongan: 'III/b', pangkat: 'Penata Muda Tingkat I' },
  { golongan: 'III/c', pangkat: 'Penata' },
  { golongan: 'III/d', pangkat: 'Penata Tingkat I' },
  { golongan: 'IV/a', pangkat: 'Pembina' },
  { golongan: 'IV/b', pangkat: 'Pembina Tingkat I' },
  { golongan: 'IV/c', pangkat: 'Pembina Utama Muda' },
  { golongan: 'IV/d', pangkat: 'Pembina Utama Madya' },
  { golongan: 'IV/e', pangkat: 'Pembina Utama' },
] as const;

/** A PNS golongan/ruang such as 'III/b'. */
export type PnsGolongan = (typeof PNS_GOLONGAN)[number]['golongan'];

/** PPPK golongan I … XVII (Roman numerals, no pangkat), in ascending order. */
export const PPPK_GOLONGAN = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX',
  'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
] as const;

/** A PPPK golongan such as 'IX'. */
export type PppkGolongan = (typeof PPPK_GOLONGAN)[number];

const PANGKAT_BY_GOLONGAN: ReadonlyMap<string, string> = new Map(
  PNS_GOLONGAN.map((g) => [g.golongan, g.pangkat]),
);
const PPPK_SET: ReadonlySet<string> = new Set(PPPK_GOLONGAN);

/**
 * The pangkat of a PNS golongan/ruang (§6.3), e.g. `pangkatFor('III/b') === 'Penata Muda Tingkat I'`.
 * Returns `undefined` for PPPK golongan and unknown values. Expects the canonical spelling;
 * use `normalizeGolongan` first for user input.
 */
export function pangkatFor(golongan: string): string | undefined {
  return PANGKAT_BY_GOLONGAN.get(golongan);
}

/**
 * True when `golongan` is a valid canonical golongan for the jenis ASN: 'I/a' … 'IV/e' for PNS
 * (§6.3), 'I' … 'XVII' for PPPK.
 */
export function isValidGolongan(jenisAsn: JenisAsn, golongan: string): boolean {
  return jenisAsn === 'PNS' ? PANGKAT_BY_GOLONGAN.has(golongan) : PPPK_SET.has(golongan);
}

/**
 * Canonical spelling of a golongan typed by a user: trims, upper-cases the Roman part, lower-cases
 * the ruang and accepts a space or no separator ('iii b', 'IIIb', ' III/B ' → 'III/b'; 'xvii' →
 * 'XVII'). Returns `undefined` when the result is not a valid golongan for `jenisAsn`.
 */
export function normalizeGolongan(jenisAsn: JenisAsn, input: string): string | undefined {
  const compact = input.trim().replace(/\s+/g, ' ');
  if (jenisAsn === 'PPPK') {
    const upper = compact.toUpperCase();
    return PPPK_SET.has(upper) ? upper : undefined;
  }
  const m = /^(IV|III|II|I)\s*[/ ]?\s*([A-E])$/i.exec(compact);
  if (!m) return undefined;
  const candidate = `${(m[1] ?? '').toUpperCase()}/${(m[2] ?? '').toLowerCase()}`;
  return PANGKAT_BY_GOLONGAN.has(candidate) ? candidate : undefined;
}

/**
 * "Pangkat, Gol/Ruang" as printed on SKP and evaluation documents, e.g.
 * 'Penata Muda Tingkat I, III/b' or, with `short`, 'Penata Muda Tk. I, III/b' (§6.3 notes the
 * "Tk. I" abbreviation). PPPK golongan have no pangkat and are returned as 'Golongan IX'.
 * Returns `undefined` for an unknown golongan.
 */
export function formatPangkatGolongan(golongan: string, options: { short?: boolean } = {}): string | undefined {
  const pangkat = pangkatFor(golongan);
  if (pangkat !== undefined) {
    const name = options.short === true ? pangkat.replace('Tingkat I', 'Tk. I') : pangkat;
    return `${name}, ${golongan}`;
  }
  return PPPK_SET.has(golongan) ? `Golongan ${golongan}` : undefined;
}

/**
 * Position of a golongan in its ascending table (0-based), for sorting and "naik pangkat"
 * checks; `-1` when unknown.
 */
export function golonganRank(jenisAsn: JenisAsn, golongan: string): number {
  return jenisAsn === 'PNS'
    ? PNS_GOLONGAN.findIndex((g) => g.golongan === golongan)
    : PPPK_GOLONGAN.findIndex((g) => g === golongan);
}

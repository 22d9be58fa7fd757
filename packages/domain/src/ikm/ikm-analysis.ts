import { DomainError } from '../errors.js';
import { divideRoundHalfUp } from '../util/decimal.js';
import {
  IKM_INTERVALS,
  IKM_UNSUR_COUNT,
  IkmError,
  type IkmOptions,
  type IkmResult,
  type KinerjaUnitPelayanan,
  type MutuPelayanan,
} from './ikm.js';
import { IKM_UNSUR, type KodeUnsurIkm } from './unsur.js';

/**
 * Reading SKM results (PermenPANRB 14/2017): IKM from stored totals, the score of one
 * questionnaire, the weakest unsur first for the follow-up plan ("rencana tindak lanjut"), and
 * the small-group rule for public figures.
 */

/** Per-unsur sums of nilai (U1 … U9) and the number of completed questionnaires. */
export interface IkmTotals {
  readonly sums: readonly number[];
  readonly count: number;
}

/**
 * Same result as `computeIkm` for the responses whose per-unsur sums are `sums` (a database can
 * add them up): IKM = 25 × Σ nilai / (9n) with exact weights, or 2,775 × Σ nilai / n with the
 * 0,111 variant, rounded half up to 2 decimals before the category is read.
 */
export function computeIkmFromTotals(totals: IkmTotals, options: IkmOptions = {}): IkmResult {
  const { sums, count } = totals;
  if (!Number.isInteger(count) || count < 1) throw new IkmError('IKM_NO_RESPONSES', 'At least one completed questionnaire is needed');
  if (sums.length !== IKM_UNSUR_COUNT) throw new IkmError('IKM_RESPONSE_LENGTH', 'Totals must hold exactly 9 sums');
  for (const s of sums) {
    if (!Number.isInteger(s) || s < count || s > 4 * count) {
      throw new IkmError('IKM_ANSWER', `A sum of ${count} answers 1–4 must lie in ${count}…${4 * count}, got ${s}`);
    }
  }
  const total = sums.reduce((a, b) => a + b, 0);
  const variant = options.weightVariant ?? 'exact';
  if (variant !== 'exact' && variant !== '0.111') throw new DomainError('INVALID_ARGUMENT', `Unknown weightVariant: ${String(variant)}`);
  const hundredths = variant === '0.111' ? divideRoundHalfUp(2775 * total, 10 * count) : divideRoundHalfUp(2500 * total, 9 * count);
  const row = IKM_INTERVALS.find((r) => hundredths >= Math.round(r.min * 100)) ?? IKM_INTERVALS[IKM_INTERVALS.length - 1];
  if (row === undefined) throw new IkmError('IKM_RANGE', 'No interval row');
  const category: { mutu: MutuPelayanan; kinerja: KinerjaUnitPelayanan } = { mutu: row.mutu, kinerja: row.kinerja };
  return { nrrPerUnsur: sums.map((s) => s / count), ikm: hundredths / 100, ...category };
}

/** The IKM (25–100) of a single questionnaire of nine answers 1–4. */
export function responseIkm(answers: readonly number[], options: IkmOptions = {}): number {
  if (answers.length !== IKM_UNSUR_COUNT) throw new IkmError('IKM_RESPONSE_LENGTH', 'A response must have exactly 9 answers');
  return computeIkmFromTotals({ sums: answers, count: 1 }, options).ikm;
}

/**
 * A questionnaire is a low score when its own IKM is below `threshold` (25–100 scale). The
 * default in Pantau is 65,00, the lower bound of mutu C: a single "Tidak Baik" (D) answer sheet.
 */
export function isLowScore(answers: readonly number[], threshold: number, options: IkmOptions = {}): boolean {
  return responseIkm(answers, options) < threshold;
}

/** One unsur with its NRR, for reports. */
export interface UnsurNrr {
  readonly kode: KodeUnsurIkm;
  readonly nama: string;
  readonly urutan: number;
  readonly nrr: number;
}

/**
 * The unsur ordered weakest first (lowest NRR; ties in display order), as the regulation's
 * follow-up plan starts from the lowest-scoring unsur. `nrrPerUnsur` is U1 … U9.
 */
export function weakestUnsurFirst(nrrPerUnsur: readonly number[]): UnsurNrr[] {
  if (nrrPerUnsur.length !== IKM_UNSUR_COUNT) throw new IkmError('IKM_RESPONSE_LENGTH', 'Expected 9 NRR values');
  return IKM_UNSUR.map((u, i) => ({ kode: u.kode, nama: u.nama, urutan: u.urutan, nrr: nrrPerUnsur[i] ?? 0 })).sort(
    (a, b) => a.nrr - b.nrr || a.urutan - b.urutan,
  );
}

/**
 * Words (Bahasa Indonesia, lower case, matched at word starts) by which a comment is taken to be
 * about an unsur. A Pantau heuristic, not part of the regulation; tune it as data.
 */
export const UNSUR_KEYWORDS: Readonly<Record<KodeUnsurIkm, readonly string[]>> = {
  U1: ['syarat', 'persyaratan', 'berkas', 'dokumen', 'fotokopi', 'formulir'],
  U2: ['prosedur', 'alur', 'mekanisme', 'sistem', 'antre', 'antri', 'antrian', 'antrean', 'online', 'aplikasi', 'ribet', 'berbelit'],
  U3: ['lama', 'lambat', 'cepat', 'waktu', 'menunggu', 'tunggu', 'jam', 'hari', 'molor', 'tepat waktu'],
  U4: ['biaya', 'tarif', 'bayar', 'pungli', 'pungutan', 'mahal', 'gratis', 'uang', 'retribusi'],
  U5: ['hasil', 'produk', 'salah cetak', 'salah ketik', 'keliru', 'blangko', 'cetak'],
  U6: ['kompeten', 'kompetensi', 'paham', 'menguasai', 'bingung', 'tidak tahu', 'terampil', 'ahli'],
  U7: ['sopan', 'ramah', 'kasar', 'judes', 'jutek', 'sikap', 'perilaku', 'senyum', 'membentak', 'cuek', 'petugas'],
  U8: ['pengaduan', 'keluhan', 'saran', 'masukan', 'kotak saran', 'komplain', 'lapor'],
  U9: ['ruang', 'ruangan', 'kursi', 'toilet', 'wc', 'parkir', 'ac', 'panas', 'fasilitas', 'sarana', 'prasarana', 'gedung', 'bersih', 'kotor'],
};

/** The unsur a free-text comment mentions, by `UNSUR_KEYWORDS` (U1 … U9 order, no repeats). */
export function unsurMentionedIn(comment: string): KodeUnsurIkm[] {
  const text = ` ${comment.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return IKM_UNSUR.filter((u) => UNSUR_KEYWORDS[u.kode].some((k) => text.includes(` ${k}`))).map((u) => u.kode);
}

/**
 * Public figures about fewer than `minGroupSize` people are withheld so nobody in a small group
 * can be singled out. 0 is not a group and stays visible.
 */
export function isSuppressed(groupSize: number, minGroupSize: number): boolean {
  return groupSize > 0 && groupSize < minGroupSize;
}

/** Median of the values (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

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
 * Words (Bahasa Indonesia, lower case, base forms) by which a comment is taken to be about an
 * unsur. A Pantau heuristic, not part of the regulation; tune it as data. Multi-word entries are
 * phrases. Words too common to tell the unsur apart ("petugas", "hari", "pelayanan") are left out:
 * "petugasnya lambat" is about time (U3), not about behaviour.
 */
export const UNSUR_KEYWORDS: Readonly<Record<KodeUnsurIkm, readonly string[]>> = {
  U1: ['syarat', 'persyaratan', 'berkas', 'dokumen', 'fotokopi', 'fotocopy', 'formulir', 'surat pengantar'],
  U2: ['prosedur', 'alur', 'mekanisme', 'sistem', 'antre', 'antri', 'antrian', 'antrean', 'online', 'daring', 'aplikasi', 'ribet', 'rumit', 'berbelit', 'sulit', 'susah', 'loket'],
  U3: ['lama', 'lambat', 'lelet', 'cepat', 'waktu', 'tunggu', 'jam', 'molor', 'tepat waktu', 'berhari', 'berminggu', 'berbulan', 'tertunda', 'tunda'],
  U4: ['biaya', 'tarif', 'bayar', 'pungli', 'pungutan', 'mahal', 'gratis', 'uang', 'retribusi', 'rupiah', 'rp', 'calo', 'sogok', 'suap'],
  U5: ['hasil', 'produk', 'salah cetak', 'salah ketik', 'salah nama', 'keliru', 'blangko', 'cetak', 'sesuai standar'],
  U6: ['kompeten', 'kompetensi', 'paham', 'kuasai', 'bingung', 'tidak tahu', 'terampil', 'ahli', 'mampu', 'profesional', 'jelas', 'penjelasan'],
  U7: ['sopan', 'ramah', 'kasar', 'judes', 'jutek', 'sikap', 'perilaku', 'senyum', 'bentak', 'cuek', 'sombong', 'marah', 'main hp', 'sabar'],
  U8: ['pengaduan', 'aduan', 'adu', 'keluhan', 'keluh', 'saran', 'masukan', 'kotak saran', 'komplain', 'lapor', 'laporan'],
  U9: ['ruang', 'ruangan', 'kursi', 'toilet', 'wc', 'parkir', 'ac', 'kipas', 'panas', 'fasilitas', 'sarana', 'prasarana', 'gedung', 'bersih', 'kotor', 'sempit', 'bau', 'listrik', 'mushola', 'musala'],
};

/** Colloquial spellings common in comments, read as their base word before matching. */
const COLLOQUIAL: Readonly<Record<string, string>> = {
  ngantri: 'antri', ngantre: 'antre', nunggu: 'tunggu', nungguin: 'tunggu', ditungguin: 'tunggu', duit: 'uang',
  gk: 'tidak', gak: 'tidak', nggak: 'tidak', ga: 'tidak', tdk: 'tidak', enggak: 'tidak', ngerti: 'paham', bgt: 'sekali', banget: 'sekali',
};

/**
 * Affixes of Bahasa Indonesia peeled off a word before it is compared with a keyword: prefixes
 * (di-, ke-, ter-, ber-, me-/mem-/men-/meng-/meny-, pe-/pem-/pen-/peng-/per-, se-) and suffixes
 * (-nya, -kan, -an, -i, -lah, -pun), so "antreannya", "kelamaan", "dipersulit", "membentak" and
 * "menunggu" reach "antre", "lama", "sulit", "bentak" and "tunggu". The nasal prefixes that
 * swallow a first letter are undone for the common cases (menunggu → tunggu, menyapu → sapu,
 * memukul → pukul, mengantre → antre).
 */
const PREFIXES = ['memper', 'diper', 'keter', 'meng', 'meny', 'peng', 'peny', 'mem', 'men', 'pem', 'pen', 'per', 'ber', 'ter', 'me', 'pe', 'di', 'ke', 'se'] as const;
const SUFFIXES = ['nyalah', 'kannya', 'annya', 'nya', 'kan', 'lah', 'pun', 'an', 'i'] as const;

/** Every form of `word` with at most one prefix and one suffix removed (the word itself first). */
function baseForms(word: string): string[] {
  const forms = new Set<string>([word, COLLOQUIAL[word] ?? word]);
  const stems = new Set<string>([word]);
  for (const p of PREFIXES) {
    if (word.length - p.length < 2 || !word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    stems.add(rest);
    // Nasal assimilation: men+t → men…, meny+s, mem+p, meng+k (pe- forms alike).
    if (p === 'men' || p === 'pen') stems.add(`t${rest}`);
    if (p === 'meny' || p === 'peny') stems.add(`s${rest}`);
    if (p === 'mem' || p === 'pem') stems.add(`p${rest}`);
    if (p === 'meng' || p === 'peng') stems.add(`k${rest}`);
  }
  for (const stem of stems) {
    forms.add(stem);
    for (const sfx of SUFFIXES) {
      if (stem.length - sfx.length >= 2 && stem.endsWith(sfx)) forms.add(stem.slice(0, -sfx.length));
    }
  }
  return [...forms];
}

/** Keyword → unsur, single words and phrases apart. */
const WORD_INDEX = new Map<string, KodeUnsurIkm[]>();
const PHRASES: Array<{ words: string[]; kode: KodeUnsurIkm }> = [];
for (const u of IKM_UNSUR) {
  for (const k of UNSUR_KEYWORDS[u.kode]) {
    const words = k.split(' ');
    if (words.length > 1) PHRASES.push({ words, kode: u.kode });
    else WORD_INDEX.set(k, [...(WORD_INDEX.get(k) ?? []), u.kode]);
  }
}

/**
 * The unsur a free-text comment mentions (U1 … U9 order, no repeats). Method: the comment is
 * split into words (letters and digits; "Rp50.000" gives "rp"), colloquial spellings are read as
 * their base word, each word is compared with the keywords of `UNSUR_KEYWORDS` as written and
 * with Indonesian affixes removed (`baseForms`), and multi-word keywords must appear as
 * consecutive words. A keyword never matches inside an unrelated word ("ac" not in "acara",
 * "lama" not in "lamaran", "jam" not in "jaminan"). It is a heuristic for the follow-up plan
 * (which comments to read first under the weakest unsur), not a classification of record.
 */
export function unsurMentionedIn(comment: string): KodeUnsurIkm[] {
  const words = comment
    .toLowerCase()
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((w) => w.match(/^\p{L}+|\p{N}+/gu) ?? [])
    .filter((w) => w !== '');
  const found = new Set<KodeUnsurIkm>();
  const bases = words.map((w) => baseForms(COLLOQUIAL[w] ?? w));
  for (const forms of bases) {
    for (const f of forms) for (const kode of WORD_INDEX.get(f) ?? []) found.add(kode);
  }
  for (const { words: phrase, kode } of PHRASES) {
    for (let i = 0; i + phrase.length <= bases.length; i++) {
      if (phrase.every((p, j) => bases[i + j]?.includes(p) === true)) {
        found.add(kode);
        break;
      }
    }
  }
  return IKM_UNSUR.filter((u) => found.has(u.kode)).map((u) => u.kode);
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

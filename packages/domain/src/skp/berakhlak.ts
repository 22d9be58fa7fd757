import type { Label } from './types.js';

/**
 * The seven BerAKHLAK core values used as perilaku kerja in every SKP (UU 20/2023 Pasal 4;
 * SE MenPANRB 20/2021; PermenPANRB 6/2022 Lampiran; §1.5 of the reference), in form order.
 */
export const BERAKHLAK = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
] as const;
export type Berakhlak = (typeof BERAKHLAK)[number];

export interface BerakhlakDefinition {
  readonly label: Label;
  /** Makna (definition) as printed on SKP forms. */
  readonly makna: string;
  /** The three panduan perilaku, printed under the core value on the SKP. */
  readonly panduan: readonly [string, string, string];
}

/** Labels, makna and panduan perilaku in the SKP/e-Kinerja wording (§1.5). */
export const BERAKHLAK_DEFINITIONS: Readonly<Record<Berakhlak, BerakhlakDefinition>> = {
  BERORIENTASI_PELAYANAN: {
    label: { id: 'Berorientasi Pelayanan', en: 'Service-oriented' },
    makna: 'Komitmen memberikan pelayanan prima demi kepuasan masyarakat',
    panduan: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  AKUNTABEL: {
    label: { id: 'Akuntabel', en: 'Accountable' },
    makna: 'Bertanggung jawab atas kepercayaan yang diberikan',
    panduan: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  KOMPETEN: {
    label: { id: 'Kompeten', en: 'Competent' },
    makna: 'Terus belajar dan mengembangkan kapabilitas',
    panduan: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  HARMONIS: {
    label: { id: 'Harmonis', en: 'Harmonious' },
    makna: 'Saling peduli dan menghargai perbedaan',
    panduan: [
      'Menghargai setiap orang apapun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  LOYAL: {
    label: { id: 'Loyal', en: 'Loyal' },
    makna: 'Berdedikasi dan mengutamakan kepentingan Bangsa dan Negara',
    panduan: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  ADAPTIF: {
    label: { id: 'Adaptif', en: 'Adaptive' },
    makna: 'Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan',
    panduan: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  KOLABORATIF: {
    label: { id: 'Kolaboratif', en: 'Collaborative' },
    makna: 'Membangun kerja sama yang sinergis',
    panduan: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
};

/** True when `value` is one of the seven BerAKHLAK values. */
export function isBerakhlak(value: unknown): value is Berakhlak {
  return typeof value === 'string' && (BERAKHLAK as readonly string[]).includes(value);
}

/**
 * Aspek of an indicator on the JA/JF form (§1.3.2: Kuantitas, Kualitas, Waktu are CONFIRMED;
 * Biaya is offered by implementations).
 */
export const SKP_ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export type SkpAspek = (typeof SKP_ASPEK)[number];
export const SKP_ASPEK_LABELS: Readonly<Record<SkpAspek, Label>> = {
  KUANTITAS: { id: 'Kuantitas', en: 'Quantity' },
  KUALITAS: { id: 'Kualitas', en: 'Quality' },
  WAKTU: { id: 'Waktu', en: 'Time' },
  BIAYA: { id: 'Biaya', en: 'Cost' },
};

/**
 * Perspektif of a JPT indicator (§1.3.3). Only "Penerima Layanan" is CONFIRMED; the other three
 * (balanced-scorecard style) are the common list and UNCONFIRMED.
 */
export const SKP_PERSPEKTIF = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
export type SkpPerspektif = (typeof SKP_PERSPEKTIF)[number];
export const SKP_PERSPEKTIF_LABELS: Readonly<Record<SkpPerspektif, Label>> = {
  PENERIMA_LAYANAN: { id: 'Penerima Layanan', en: 'Service recipients' },
  PROSES_BISNIS: { id: 'Proses Bisnis', en: 'Business process' },
  PENGUATAN_INTERNAL: { id: 'Penguatan Internal', en: 'Internal strengthening' },
  ANGGARAN: { id: 'Anggaran', en: 'Budget' },
};

/** The three lists of the Lampiran SKP (§1.3.2). */
export const SKP_LAMPIRAN_KINDS = ['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI'] as const;
export type SkpLampiranKind = (typeof SKP_LAMPIRAN_KINDS)[number];
export const SKP_LAMPIRAN_LABELS: Readonly<Record<SkpLampiranKind, Label>> = {
  DUKUNGAN_SUMBER_DAYA: { id: 'Dukungan Sumber Daya', en: 'Resource support' },
  SKEMA_PERTANGGUNGJAWABAN: { id: 'Skema Pertanggungjawaban', en: 'Accountability scheme' },
  KONSEKUENSI: { id: 'Konsekuensi', en: 'Consequences' },
};

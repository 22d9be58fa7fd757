/**
 * The 9 unsur of the Survei Kepuasan Masyarakat, PermenPANRB 14/2017 (§4.1), with the 4-point
 * answer wording a–d scored 1–4 (§4.2).
 *
 * Order: U1–U9 as in the reference's primary listing (U8 Penanganan Pengaduan, U9 Sarana dan
 * Prasarana); other sources swap U8/U9, so the order is data (`urutan`), not logic.
 * Answer wording for U1–U4, U7 and U9 is from the reference; for U5, U6 and U8 it follows the
 * sample questionnaire in the regulation's annex as commonly reproduced (UNCONFIRMED).
 */

/** Kode unsur U1 … U9. */
export type KodeUnsurIkm = 'U1' | 'U2' | 'U3' | 'U4' | 'U5' | 'U6' | 'U7' | 'U8' | 'U9';

/** One unsur with its answer options; `jawaban[i]` is the wording for nilai `i + 1` (option a–d). */
export interface UnsurIkm {
  readonly kode: KodeUnsurIkm;
  readonly urutan: number;
  readonly nama: string;
  readonly jawaban: readonly [string, string, string, string];
}

/** The 9 unsur of PermenPANRB 14/2017 in display order. */
export const IKM_UNSUR: readonly UnsurIkm[] = [
  { kode: 'U1', urutan: 1, nama: 'Persyaratan', jawaban: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  { kode: 'U2', urutan: 2, nama: 'Sistem, Mekanisme, dan Prosedur', jawaban: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'] },
  { kode: 'U3', urutan: 3, nama: 'Waktu Penyelesaian', jawaban: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
  { kode: 'U4', urutan: 4, nama: 'Biaya/Tarif', jawaban: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  { kode: 'U5', urutan: 5, nama: 'Produk Spesifikasi Jenis Pelayanan', jawaban: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  { kode: 'U6', urutan: 6, nama: 'Kompetensi Pelaksana', jawaban: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'] },
  {
    kode: 'U7',
    urutan: 7,
    nama: 'Perilaku Pelaksana',
    jawaban: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    kode: 'U8',
    urutan: 8,
    nama: 'Penanganan Pengaduan, Saran dan Masukan',
    jawaban: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  { kode: 'U9', urutan: 9, nama: 'Sarana dan Prasarana', jawaban: ['Buruk', 'Cukup', 'Baik', 'Sangat Baik'] },
];

/** The answer scale: option letter a–d and its nilai persepsi 1–4 (§4.2). */
export const IKM_ANSWER_SCALE = [
  { huruf: 'a', nilai: 1 },
  { huruf: 'b', nilai: 2 },
  { huruf: 'c', nilai: 3 },
  { huruf: 'd', nilai: 4 },
] as const;

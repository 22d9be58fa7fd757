import type { KodeUnsurIkm } from './unsur.js';

/**
 * The question asked for each unsur, as worded in the sample kuesioner of the annex to
 * PermenPANRB 14/2017 (seen in several published copies; SECONDARY). In that sample the question
 * on sarana comes before the one on pengaduan; Pantau keeps U8 = pengaduan, U9 = sarana (see
 * unsur.ts), so the questions follow the unsur, not the sample's numbering.
 */
export const IKM_QUESTIONS: Readonly<Record<KodeUnsurIkm, string>> = {
  U1: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
  U2: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
  U3: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
  U4: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
  U5: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
  U6: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
  U7: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
  U8: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
  U9: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
};

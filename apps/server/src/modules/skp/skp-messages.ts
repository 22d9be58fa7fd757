import type { Locale } from '@pantau/contracts';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { interpolate } from '../../http/messages.js';

/**
 * SKP-specific messages, Bahasa Indonesia first. Field problems carry the localised text so the
 * shared error handler shows it as is.
 */
const messages = {
  SKP_NOT_EDITABLE: { id: 'SKP hanya dapat diubah saat berstatus Draf atau Dikembalikan.', en: 'The SKP can only be changed while it is a draft or returned.' },
  SKP_NOT_SUBMITTED: { id: 'SKP belum diajukan.', en: 'The SKP has not been submitted.' },
  SKP_NOT_APPROVED: { id: 'SKP belum disetujui.', en: 'The SKP has not been approved.' },
  SKP_NOT_CURRENT: { id: 'Ini bukan versi terbaru SKP.', en: 'This is not the latest version of the SKP.' },
  SKP_EXISTS: { id: 'SKP untuk periode ini sudah ada.', en: 'An SKP for this period already exists.' },
  SKP_REVISION_OPEN: { id: 'Sudah ada versi baru yang sedang disusun.', en: 'A new version is already being drafted.' },
  NO_POSITION: { id: 'Pegawai tidak memiliki jabatan definitif pada tahun tersebut.', en: 'The employee holds no definitive post in that year.' },
  NO_PENILAI: {
    id: 'Pejabat penilai kinerja tidak ditemukan dari data jabatan. Minta admin BKPSDM memeriksa atasan pada struktur jabatan.',
    en: 'No pejabat penilai could be found from the posts. Ask the BKPSDM admin to check the supervisor in the position tree.',
  },
  NO_UTAMA: { id: 'Tambahkan minimal satu rencana hasil kerja utama.', en: 'Add at least one main planned result (RHK utama).' },
  RHK_NO_INDICATOR: { id: 'Setiap rencana hasil kerja harus memiliki minimal satu indikator.', en: 'Every planned result needs at least one indicator.' },
  RHK_NO_PARENT: { id: 'Rencana hasil kerja ini belum dikaitkan dengan RHK atasan yang diintervensi.', en: 'This planned result is not linked to a supervisor RHK yet.' },
  EKSPEKTASI_EMPTY: { id: 'Ekspektasi khusus pimpinan untuk {count} perilaku kerja belum diisi.', en: 'The leader\'s specific expectation is missing for {count} behaviours.' },
  ASPEK_REQUIRED: { id: 'Pilih aspek (Kuantitas, Kualitas, Waktu, atau Biaya).', en: 'Choose an aspect (quantity, quality, time or cost).' },
  PERSPEKTIF_REQUIRED: { id: 'Pilih perspektif indikator.', en: 'Choose the indicator\'s perspective.' },
  PARENT_NOT_ATASAN: {
    id: 'RHK atasan harus berasal dari SKP atasan Anda pada tahun yang sama.',
    en: 'The supervisor RHK must come from your supervisor\'s SKP of the same year.',
  },
  RHK_HAS_CHILDREN: {
    id: 'RHK ini didukung oleh {count} RHK bawahan; lepaskan kaitan tersebut lebih dahulu.',
    en: 'This RHK is supported by {count} subordinate RHK; unlink them first.',
  },
  INDICATOR_UNKNOWN: { id: 'Indikator tidak dikenal pada RHK ini.', en: 'Unknown indicator for this RHK.' },
  CASCADE_TARGET: { id: 'Pilih tepat satu sasaran: unit, jabatan, atau daftar pegawai.', en: 'Choose exactly one target: a unit, a position or a list of employees.' },
  CASCADE_EMPTY: { id: 'Tidak ada bawahan pada sasaran tersebut.', en: 'No subordinates match that target.' },
  ALREADY_LINKED: { id: 'Sudah memiliki RHK yang mengintervensi RHK ini.', en: 'Already has an RHK supporting this one.' },
  PERIOD_OUTSIDE: { id: 'Periode ini berada di luar masa SKP.', en: 'This period is outside the SKP\'s time span.' },
  PERIOD_UNKNOWN: { id: 'Periode tidak dikenal.', en: 'Unknown period.' },
  PERIODS_IN_USE: { id: 'Periode tahun ini sudah dipakai untuk penilaian.', en: 'This year\'s periods are already used by evaluations.' },
  RULE_SET_UNKNOWN: { id: 'Aturan penilaian tidak dikenal.', en: 'Unknown rule set.' },
  EVALUATION_LOCKED: { id: 'Penilaian sudah final dan terkunci.', en: 'The evaluation is final and locked.' },
  EVALUATION_NOT_RATED: { id: 'Penilaian belum diberi rating oleh pejabat penilai.', en: 'The evaluation has not been rated yet.' },
  RATING_DUPLICATE: { id: 'SKP yang sama dinilai lebih dari sekali.', en: 'The same SKP is rated more than once.' },
  EVALUATION_NOT_FINAL: { id: 'Penilaian belum final.', en: 'The evaluation is not final yet.' },
  ALREADY_ACKNOWLEDGED: { id: 'Sudah dinyatakan diterima.', en: 'Already acknowledged.' },
  ORG_PREDIKAT_MISSING: {
    id: 'Predikat kinerja organisasi untuk unit ini belum ditetapkan oleh pimpinan satu tingkat di atasnya.',
    en: 'The organisation rating of this unit has not been set by the leader one level up.',
  },
  DISTRIBUTION_JUSTIFICATION_REQUIRED: {
    id: 'Sebaran predikat tidak sesuai pola distribusi (SE MenPANRB 3/2023): {violations} Tuliskan alasan untuk tetap memfinalkan.',
    en: 'The ratings break the distribution pattern (SE MenPANRB 3/2023): {violations} Write a justification to finalise anyway.',
  },
  RHK_NOT_IN_SKP: { id: 'RHK tidak ada pada SKP yang dinilai.', en: 'This RHK is not part of the evaluated SKP.' },
  OBJECTION_WINDOW_CLOSED: { id: 'Batas waktu keberatan ({deadline}) sudah lewat.', en: 'The objection deadline ({deadline}) has passed.' },
  OBJECTION_EXISTS: { id: 'Keberatan untuk penilaian ini sudah diajukan.', en: 'An objection to this evaluation was already filed.' },
  OBJECTION_DECIDED: { id: 'Keberatan sudah diputuskan.', en: 'The objection has already been decided.' },
  OBJECTION_NEEDS_RATING: {
    id: 'Jika keberatan diterima, isi rating hasil kerja dan/atau perilaku yang baru.',
    en: 'When accepting, give the new hasil kerja and/or perilaku rating.',
  },
  FEEDBACK_TARGET: { id: 'Pilih RHK atau perilaku kerja yang diberi umpan balik.', en: 'Choose the RHK or the behaviour the feedback is about.' },
  FEEDBACK_PARENT: { id: 'Utas umpan balik tidak ditemukan pada SKP ini.', en: 'The feedback thread is not part of this SKP.' },
  INDICATOR_NOT_IN_SKP: { id: 'Indikator tidak ada pada SKP ini.', en: 'The indicator is not part of this SKP.' },
  UNIT_UNKNOWN: { id: 'Unit tidak ditemukan.', en: 'Unit not found.' },
  POSITION_UNKNOWN: { id: 'Jabatan tidak ditemukan.', en: 'Position not found.' },
  EVIDENCE_EMPTY: { id: 'Isi tautan atau data berkas bukti dukung.', en: 'Give a link or the evidence file details.' },
  EVIDENCE_NAME: { id: 'Isi nama bukti dukung.', en: 'Give the evidence a name.' },
  EVIDENCE_FILE_UNKNOWN: { id: 'Berkas bukti dukung tidak ditemukan di antara unggahan Anda.', en: 'The evidence file is not among your uploads.' },
} as const satisfies Record<string, { id: string; en: string }>;

export type SkpMessageCode = keyof typeof messages;

export function skpMessage(locale: Locale, code: SkpMessageCode, params?: Record<string, unknown>): string {
  return interpolate(messages[code][locale], params);
}

export function skpField(locale: Locale, path: string, code: SkpMessageCode, params?: Record<string, unknown>): FieldProblem {
  return { path, code, message: skpMessage(locale, code, params) };
}

/** 400 with one localised field problem. */
export function skpInvalid(locale: Locale, path: string, code: SkpMessageCode, params?: Record<string, unknown>): AppError {
  return new AppError(400, 'VALIDATION_FAILED', undefined, [skpField(locale, path, code, params)]);
}

/** 409: the request is fine but the record's state forbids it (locked, wrong status…). */
export function skpConflict(locale: Locale, path: string, code: SkpMessageCode, params?: Record<string, unknown>): AppError {
  return new AppError(409, 'CONFLICT', undefined, [skpField(locale, path, code, params)]);
}

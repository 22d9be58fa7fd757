/**
 * Field-level messages of the daily-report, evidence and notification modules, merged into the
 * error handler's table (http/messages.ts). Bahasa Indonesia is the source; English follows.
 */
export const dailyReportFieldMessages: Record<string, { id: string; en: string }> = {
  TIME_FORMAT: { id: 'Jam harus berformat JJ:MM, misalnya 08:30.', en: 'Time must be HH:mm, e.g. 08:30.' },
  IDEMPOTENCY_KEY_FORMAT: { id: 'Kunci pengiriman tidak valid.', en: 'The idempotency key is not valid.' },
  IDEMPOTENCY_KEY_REQUIRED: {
    id: 'Kunci pengiriman (Idempotency-Key) wajib dikirim agar laporan tidak tercatat dua kali.',
    en: 'An Idempotency-Key is required so the report is never recorded twice.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    id: 'Kunci pengiriman ini sudah dipakai untuk permintaan lain.',
    en: 'This idempotency key was already used for a different request.',
  },
  REPORT_DATE_FUTURE: { id: 'Tanggal laporan tidak boleh melewati hari ini.', en: 'The report date cannot be after today.' },
  REPORT_DATE_NOT_WORKING_DAY: {
    id: 'Tanggal ini bukan hari kerja (akhir pekan atau hari libur).',
    en: 'This date is not a working day (weekend or holiday).',
  },
  REPORT_DATE_TOO_OLD: {
    id: 'Laporan hanya dapat diisi untuk hari ini dan {days} hari kerja sebelumnya.',
    en: 'Reports can only be filled in for today and the {days} working days before.',
  },
  TIME_REQUIRED: { id: 'Isi jam mulai dan selesai, atau jumlah menit.', en: 'Give a start and end time, or the minutes.' },
  TIME_PAIR: { id: 'Jam mulai dan jam selesai harus diisi keduanya.', en: 'Give both the start and the end time.' },
  TIME_ORDER: { id: 'Jam selesai harus setelah jam mulai.', en: 'The end time must be after the start time.' },
  MINUTES_MISMATCH: {
    id: 'Jumlah menit melebihi rentang jam mulai–selesai.',
    en: 'The minutes exceed the span from start to end.',
  },
  MINUTES_RANGE: { id: 'Menit harus antara 1 dan 1440.', en: 'Minutes must be between 1 and 1440.' },
  ACTIVITY_OVERLAP: {
    id: 'Jam kegiatan ini bertumpang-tindih dengan kegiatan nomor {other}.',
    en: 'This activity overlaps activity number {other}.',
  },
  DAY_TOO_LONG: { id: 'Total kegiatan sehari melebihi 24 jam.', en: 'The activities of the day add up to more than 24 hours.' },
  NO_ACTIVITIES: { id: 'Isi minimal satu kegiatan sebelum mengirim laporan.', en: 'Add at least one activity before submitting.' },
  ACTIVITY_UNKNOWN: { id: 'Kegiatan ini bukan bagian dari laporan tersebut.', en: 'This activity is not part of that report.' },
  ACTIVITY_LOCKED: {
    id: 'Kegiatan ini sudah diverifikasi atasan dan tidak dapat diubah atau dihapus.',
    en: 'This activity was verified by the supervisor and cannot be changed or removed.',
  },
  INDICATOR_UNKNOWN: {
    id: 'Indikator/RHK tidak ditemukan pada SKP Anda yang disetujui untuk tanggal ini.',
    en: 'The indicator/RHK is not in your approved SKP for this date.',
  },
  EVIDENCE_UNKNOWN: { id: 'Bukti dukung tidak ditemukan di unggahan Anda.', en: 'The evidence file is not among your uploads.' },
  REPORT_LOCKED: {
    id: 'Laporan hari ini sudah dikirim atau diverifikasi sehingga tidak dapat ditambah.',
    en: 'The report of this day was already submitted or verified, so it cannot be added to.',
  },
  REPORT_NOT_SUBMITTED: {
    id: 'Laporan ini tidak sedang menunggu verifikasi.',
    en: 'This report is not waiting for verification.',
  },
  NOTE_REQUIRED: {
    id: 'Tulis catatan untuk pegawai saat mengembalikan laporan.',
    en: 'Write a note for the employee when returning a report.',
  },
  FILE_REQUIRED: { id: 'Pilih berkas untuk diunggah (kolom "file").', en: 'Choose a file to upload (field "file").' },
  FILE_EMPTY: { id: 'Berkas kosong.', en: 'The file is empty.' },
  MONTH_FORMAT: { id: 'Bulan harus berformat TTTT-BB, misalnya 2025-01.', en: 'Month must be YYYY-MM, e.g. 2025-01.' },
  RANGE_TOO_LONG: { id: 'Rentang tanggal paling panjang {days} hari.', en: 'The date range can be at most {days} days.' },
  NOT_IN_CHAIN: {
    id: 'Pegawai ini bukan bawahan Anda.',
    en: 'This employee does not report to you.',
  },
};

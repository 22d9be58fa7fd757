/**
 * Notification texts of the training module by type, merged into the notification module's
 * table and rendered in the reader's language at read time. Bahasa Indonesia is the source.
 */
export const trainingNotificationTemplates: Record<string, { title: { id: string; en: string }; body: { id: string; en: string } }> = {
  'training.enrolled': {
    title: { id: 'Anda didaftarkan pada pelatihan {title}', en: 'You were enrolled in the training {title}' },
    body: { id: 'Mulai {date} di {place}. Lihat rincian di halaman Pelatihan.', en: 'Starts {date} at {place}. See the details on the Training page.' },
  },
  'training.request': {
    title: { id: '{name} mengajukan pelatihan', en: '{name} asks for a training place' },
    body: { id: '{title}, mulai {date}. Setujui atau tolak dengan alasan.', en: '{title}, starting {date}. Approve it, or reject it with a reason.' },
  },
  'training.request_approved': {
    title: { id: 'Pengajuan pelatihan disetujui: {title}', en: 'Training request approved: {title}' },
    body: { id: 'Mulai {date} di {place}.', en: 'Starts {date} at {place}.' },
  },
  'training.request_rejected': {
    title: { id: 'Pengajuan pelatihan tidak disetujui: {title}', en: 'Training request not approved: {title}' },
    body: { id: 'Alasan atasan: {note}', en: 'Supervisor\'s reason: {note}' },
  },
  'training.session_cancelled': {
    title: { id: 'Sesi pelatihan dibatalkan: {title}', en: 'Training session cancelled: {title}' },
    body: { id: 'Sesi yang dijadwalkan {date} dibatalkan oleh penyelenggara.', en: 'The session planned for {date} was cancelled by the organiser.' },
  },
  'training.session_moved': {
    title: { id: 'Jadwal pelatihan berubah: {title}', en: 'Training schedule changed: {title}' },
    body: { id: 'Jadwal baru: mulai {date} pukul {time} WIB di {place}.', en: 'New schedule: starts {date} at {time} WIB, {place}.' },
  },
  'training.session_tomorrow': {
    title: { id: 'Besok: {title}', en: 'Tomorrow: {title}' },
    body: { id: '{date} pukul {time} WIB di {place}. Presensi dengan memindai kode QR di lokasi.', en: '{date} at {time} WIB, {place}. Check in by scanning the QR code there.' },
  },
  'training.completed': {
    title: { id: 'Pelatihan selesai: {title}', en: 'Training completed: {title}' },
    body: { id: '{jp} JP tercatat untuk tahun ini.', en: '{jp} JP were recorded for this year.' },
  },
  'training.external_verified': {
    title: { id: 'Pelatihan mandiri diverifikasi: {title}', en: 'External training verified: {title}' },
    body: { id: '{jp} JP tercatat untuk tahun ini.', en: '{jp} JP were recorded for this year.' },
  },
  'training.external_rejected': {
    title: { id: 'Pelatihan mandiri tidak diterima: {title}', en: 'External training not accepted: {title}' },
    body: { id: 'Alasan: {note}', en: 'Reason: {note}' },
  },
  'training.plan_agreed': {
    title: { id: 'Rencana pengembangan {year} disetujui', en: 'Development plan {year} agreed' },
    body: { id: '{name} menyetujui rencana pengembangan kompetensi Anda.', en: '{name} agreed your competency development plan.' },
  },
  'training.jp_short': {
    title: { id: 'JP pengembangan kompetensi {year}: {jp} dari {minimum}', en: 'Competency development {year}: {jp} of {minimum} JP' },
    body: {
      id: 'Masih kurang {missing} JP sebelum akhir tahun. Ajukan pelatihan dari katalog atau catat pelatihan mandiri bersertifikat.',
      en: '{missing} JP are still missing before the year ends. Ask for a training from the catalogue, or add external training with its certificate.',
    },
  },
};

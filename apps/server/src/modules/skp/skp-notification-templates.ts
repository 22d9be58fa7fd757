/**
 * Notification texts of the SKP steps by type, merged into the notification module's table and
 * rendered in the reader's language at read time. Bahasa Indonesia is the source. No imports:
 * the notification module reads this table while it loads.
 */
export const skpNotificationTemplates: Record<string, { title: { id: string; en: string }; body: { id: string; en: string } }> = {
  'skp.submitted': {
    title: { id: '{name} mengajukan SKP {year}', en: '{name} submitted the SKP {year}' },
    body: { id: 'Periksa lalu setujui, atau kembalikan dengan catatan.', en: 'Review it, then approve it or return it with notes.' },
  },
  'skp.approved': {
    title: { id: 'SKP {year} Anda disetujui', en: 'Your SKP {year} was approved' },
    body: { id: 'Disetujui oleh {name}. Catat realisasi dan bukti dukung setiap periode.', en: 'Approved by {name}. Record realisation and evidence every period.' },
  },
  'skp.returned': {
    title: { id: 'SKP {year} Anda dikembalikan', en: 'Your SKP {year} was returned' },
    body: { id: 'Catatan pejabat penilai: {note} Perbaiki lalu ajukan lagi.', en: 'The appraiser\'s note: {note} Fix it and submit again.' },
  },
  'skp.evaluation.rated': {
    title: { id: 'Penilaian kinerja {periodId} sudah diisi', en: 'Your performance for {periodEn} was rated' },
    body: { id: 'Predikat sementara: {predikatId}. Penilaian belum final.', en: 'Provisional rating: {predikatEn}. Not final yet.' },
  },
  'skp.evaluation.finalised': {
    title: { id: 'Penilaian kinerja {periodId} final', en: 'Your performance evaluation for {periodEn} is final' },
    body: {
      id: 'Predikat kinerja: {predikatId}. Baca hasilnya; bila tidak sepakat, ajukan keberatan dalam batas waktunya.',
      en: 'Rating: {predikatEn}. Read the result; if you disagree, file an objection before the deadline.',
    },
  },
  'skp.objection.filed': {
    title: { id: '{name} mengajukan keberatan atas penilaian {periodId}', en: '{name} objects to the evaluation of {periodEn}' },
    body: { id: 'Sebagai atasan pejabat penilai, putuskan paling lambat {date}.', en: 'As the appraiser\'s superior, decide by {date}.' },
  },
  'skp.objection.decided': {
    title: { id: 'Keberatan Anda {outcomeId}', en: 'Your objection was {outcomeEn}' },
    body: { id: 'Predikat kinerja sekarang: {predikatId}. Catatan: {note}', en: 'Rating now: {predikatEn}. Note: {note}' },
  },
};

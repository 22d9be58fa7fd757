import ExcelJS from 'exceljs';
import type { Locale, ParticipantDto, UnitFiguresResponse } from '@pantau/contracts';
import type { CourseRow } from './catalogue.repository.js';

/** Text typed by people, made safe for spreadsheets (no formula injection). */
export function cellText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const L = {
  attendance: { id: 'Kehadiran', en: 'Attendance' },
  training: { id: 'Pelatihan', en: 'Training' },
  organiser: { id: 'Penyelenggara', en: 'Organiser' },
  dates: { id: 'Tanggal', en: 'Dates' },
  time: { id: 'Jam (WIB)', en: 'Time (WIB)' },
  place: { id: 'Tempat', en: 'Place' },
  jp: { id: 'JP', en: 'JP' },
  no: { id: 'No', en: 'No' },
  nip: { id: 'NIP', en: 'NIP' },
  name: { id: 'Nama', en: 'Name' },
  unit: { id: 'Unit kerja', en: 'Unit' },
  status: { id: 'Status', en: 'Status' },
  attended: { id: 'Hari hadir', en: 'Days attended' },
  present: { id: 'H', en: 'P' },
  jpUnits: { id: 'JP per unit', en: 'JP per unit' },
  year: { id: 'Tahun', en: 'Year' },
  minimum: { id: 'JP minimal per pegawai', en: 'Minimum JP per employee' },
  staff: { id: 'Jumlah pegawai', en: 'Staff' },
  atMinimum: { id: 'Pegawai ≥ 20 JP', en: 'Staff at ≥ 20 JP' },
  share: { id: 'Persentase', en: 'Share' },
  average: { id: 'Rata-rata JP', en: 'Average JP' },
  openNeeds: { id: 'Kebutuhan terbuka', en: 'Open needs' },
  held: { id: 'Sesi terselenggara', en: 'Sessions held' },
} as const;

const STATUS: Record<string, { id: string; en: string }> = {
  ENROLLED: { id: 'Terdaftar', en: 'Enrolled' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  INCOMPLETE: { id: 'Tidak selesai', en: 'Not completed' },
  REQUESTED: { id: 'Menunggu persetujuan', en: 'Awaiting approval' },
};

/** Attendance of one session: participants down, session days across (H = hadir). */
export async function attendanceWorkbook(
  data: { course: CourseRow; session: { startDate: string; endDate: string; startTime: string; endTime: string; place: string }; days: string[]; participants: ParticipantDto[] },
  locale: Locale,
): Promise<Buffer> {
  const t = (k: keyof typeof L) => L[k][locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  const ws = wb.addWorksheet(t('attendance'), { views: [{ state: 'frozen', ySplit: 7 }] });
  ws.addRow([t('training'), cellText(data.course.title)]).font = { bold: true };
  ws.addRow([t('organiser'), cellText(data.course.organiser)]);
  ws.addRow([t('dates'), data.session.startDate === data.session.endDate ? data.session.startDate : `${data.session.startDate} – ${data.session.endDate}`]);
  ws.addRow([t('time'), `${data.session.startTime}–${data.session.endTime}`]);
  ws.addRow([t('place'), cellText(data.session.place)]);
  ws.addRow([t('jp'), data.course.jp]);
  const header = ws.addRow([t('no'), t('nip'), t('name'), t('unit'), ...data.days, t('attended'), t('status')]);
  header.font = { bold: true };
  data.participants.forEach((p, i) => {
    const attended = new Set(p.attendedDates);
    ws.addRow([
      i + 1,
      p.employee.nip,
      cellText(p.employee.name),
      cellText(p.employee.unitName ?? ''),
      ...data.days.map((d) => (attended.has(d) ? t('present') : '')),
      attended.size,
      STATUS[p.status]?.[locale] ?? p.status,
    ]);
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 34;
  ws.getColumn(4).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** JP per unit: staff, staff at the minimum, share, average JP, open needs, sessions held. */
export async function jpPerUnitWorkbook(data: UnitFiguresResponse, locale: Locale): Promise<Buffer> {
  const t = (k: keyof typeof L) => L[k][locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  const ws = wb.addWorksheet(t('jpUnits'), { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.addRow([t('year'), data.year]).font = { bold: true };
  ws.addRow([t('minimum'), data.minimum]);
  ws.addRow([]);
  const header = ws.addRow([t('unit'), t('staff'), t('atMinimum'), t('share'), t('average'), t('openNeeds'), t('held')]);
  header.font = { bold: true };
  for (const r of data.rows) {
    ws.addRow([cellText(r.name), r.staff, r.staffAtMinimum, r.shareAtMinimum, r.averageJp, r.openNeeds, r.sessionsHeld]);
  }
  ws.getColumn(1).width = 48;
  for (const c of [2, 3, 5, 6, 7]) ws.getColumn(c).width = 16;
  ws.getColumn(4).width = 12;
  ws.getColumn(4).numFmt = '0.0%';
  ws.getColumn(5).numFmt = '0.0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

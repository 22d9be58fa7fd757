import ExcelJS from 'exceljs';
import type { IkmReport } from '@pantau/contracts';
import { spreadsheetSafe } from './text.js';

/**
 * The IKM report as a workbook: Ringkasan, Per Unsur, Per Layanan, Rencana Tindak Lanjut (the
 * weakest unsur first with the comments that mention them) and Profil Responden. Citizen text is
 * prefixed where a spreadsheet would take it for a formula.
 */
export async function ikmReportXlsx(report: IkmReport, meta: { instansiName: string; generatedAt: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const scope = report.servicePoint?.name ?? report.unit?.name ?? 'Semua unit dalam kewenangan';

  const summary = wb.addWorksheet('Ringkasan');
  summary.columns = [{ width: 34 }, { width: 60 }];
  bold(summary.addRow(['Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)']));
  summary.addRow(['Instansi', meta.instansiName]);
  summary.addRow(['Cakupan', scope]);
  summary.addRow(['Periode', `${report.from} s.d. ${report.to}`]);
  summary.addRow(['Jumlah responden', report.responses]);
  summary.addRow(['IKM (25–100)', report.ikm ?? '-']);
  summary.addRow(['Mutu pelayanan', report.mutu ?? '-']);
  summary.addRow(['Kinerja unit pelayanan', report.kinerja ?? '-']);
  summary.addRow(['Bobot per unsur', report.weightVariant === '0.111' ? '0,111' : '1/9']);
  summary.addRow(['Dibuat', meta.generatedAt]);

  const unsur = wb.addWorksheet('Per Unsur', { views: [{ state: 'frozen', ySplit: 1 }] });
  unsur.columns = [
    { header: 'Kode', width: 8 },
    { header: 'Unsur', width: 42 },
    { header: 'NRR', width: 10, style: { numFmt: '0.000' } },
    { header: 'NRR tertimbang', width: 16, style: { numFmt: '0.000' } },
    { header: 'Peringkat (1 = terlemah)', width: 24 },
  ];
  bold(unsur.getRow(1));
  for (const u of report.unsur) unsur.addRow([u.kode, u.nama, u.nrr, u.nrrTertimbang, u.rank]);

  const services = wb.addWorksheet('Per Layanan', { views: [{ state: 'frozen', ySplit: 1 }] });
  services.columns = [
    { header: 'Layanan', width: 40 },
    { header: 'Unit', width: 40 },
    { header: 'Responden', width: 12 },
    { header: 'IKM', width: 10, style: { numFmt: '0.00' } },
    { header: 'Mutu', width: 8 },
    { header: 'Kinerja', width: 16 },
  ];
  bold(services.getRow(1));
  for (const s of report.servicePoints) services.addRow([spreadsheetSafe(s.name), spreadsheetSafe(s.unitName), s.responses, s.ikm, s.mutu, s.kinerja]);

  const plan = wb.addWorksheet('Rencana Tindak Lanjut', { views: [{ state: 'frozen', ySplit: 1 }] });
  plan.columns = [
    { header: 'Unsur', width: 40 },
    { header: 'NRR', width: 10, style: { numFmt: '0.000' } },
    { header: 'Tanggal', width: 12 },
    { header: 'Layanan', width: 30 },
    { header: 'Komentar responden', width: 80 },
  ];
  bold(plan.getRow(1));
  for (const w of report.weakestFirst) {
    if (w.comments.length === 0) plan.addRow([`${w.kode} ${w.nama}`, w.nrr, '', '', '']);
    for (const c of w.comments) plan.addRow([`${w.kode} ${w.nama}`, w.nrr, c.respondedOn, spreadsheetSafe(c.servicePointName), spreadsheetSafe(c.comment)]);
  }

  const profile = wb.addWorksheet('Profil Responden');
  profile.columns = [{ header: 'Aspek', width: 16 }, { header: 'Nilai', width: 24 }, { header: 'Jumlah', width: 10 }];
  bold(profile.getRow(1));
  const labels: Record<keyof IkmReport['profile'], string> = { sex: 'Jenis kelamin', ageGroup: 'Usia', education: 'Pendidikan', job: 'Pekerjaan' };
  for (const key of Object.keys(labels) as Array<keyof IkmReport['profile']>) {
    for (const p of report.profile[key]) profile.addRow([labels[key], p.value, p.count]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

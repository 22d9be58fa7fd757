import ExcelJS from 'exceljs';
import type { SkpDistributionDto, SkpPeriodDto, SkpTeamEvaluationRow } from '@pantau/contracts';
import { PREDIKAT_KINERJA, PREDIKAT_KINERJA_LABELS, PREDIKAT_ORGANISASI_LABELS, RATING_LABELS } from '@pantau/domain';
import type { z } from 'zod';

type Row = z.infer<typeof SkpTeamEvaluationRow>;
type Distribution = z.infer<typeof SkpDistributionDto>;

const STATUS_ID: Record<Row['status'], string> = { NOT_STARTED: 'Belum dinilai', IN_PROGRESS: 'Sedang berjalan', RATED: 'Sudah dinilai', FINAL: 'Final' };

/**
 * Recap per unit and period: predikat per employee (sheet "Rekap Predikat") and the
 * distribution of every pool touched against SE MenPANRB 3/2023 (sheet "Pola Distribusi").
 */
export async function recapWorkbook(input: {
  instansiName: string;
  unitName: string;
  period: z.infer<typeof SkpPeriodDto>;
  rows: readonly Row[];
  distributions: readonly Distribution[];
  generatedAt: string;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau';
  const ws = wb.addWorksheet('Rekap Predikat', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.addRow([input.instansiName.toUpperCase()]).font = { bold: true, size: 12 };
  ws.addRow([`Rekap Predikat Kinerja Pegawai — ${input.unitName} — ${input.period.label.id}`]).font = { bold: true };
  ws.addRow([`Dibuat ${input.generatedAt} WIB`]);
  const header = ws.addRow(['No', 'NIP', 'Nama', 'Jabatan', 'Unit Kerja', 'Status Penilaian', 'Rating Hasil Kerja', 'Rating Perilaku Kerja', 'Predikat Kinerja']);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  input.rows.forEach((r, n) => {
    const nipCell = [n + 1, r.employee.nip, r.employee.name, r.employee.positionName ?? '', r.employee.unitName ?? '', STATUS_ID[r.status],
      r.hasilKerja ? RATING_LABELS[r.hasilKerja].id : '', r.perilaku ? RATING_LABELS[r.perilaku].id : '', r.predikat ? PREDIKAT_KINERJA_LABELS[r.predikat].id : ''];
    ws.addRow(nipCell).getCell(2).numFmt = '@';
  });
  ws.columns.forEach((c, i) => {
    c.width = [5, 21, 32, 32, 28, 16, 20, 20, 20][i] ?? 16;
  });

  const dist = wb.addWorksheet('Pola Distribusi');
  dist.addRow([`Pola distribusi predikat kinerja (SE MenPANRB 3/2023) — ${input.period.label.id}`]).font = { bold: true };
  for (const d of input.distributions) {
    dist.addRow([]);
    dist.addRow(['Kelompok distribusi', d.poolUnit?.name ?? `${d.unit.name} (predikat organisasi belum ditetapkan)`]).font = { bold: true };
    dist.addRow(['Predikat kinerja organisasi', d.predikatOrganisasi ? PREDIKAT_ORGANISASI_LABELS[d.predikatOrganisasi].id : '-']);
    dist.addRow(['Predikat kinerja pegawai', 'Jumlah', 'Persentase']).font = { bold: true };
    for (const p of PREDIKAT_KINERJA) {
      const n = d.counts[p] ?? 0;
      const row = dist.addRow([PREDIKAT_KINERJA_LABELS[p].id, n, d.rated === 0 ? 0 : n / d.rated]);
      row.getCell(3).numFmt = '0.0%';
    }
    dist.addRow(['Jumlah dinilai', d.rated]);
    dist.addRow(['Belum dinilai', d.unrated]);
    // A small pool (decision 0008) is "valid" with violations as guidance: say so, never plain "Ya".
    const verdict = d.violations.length === 0 ? 'Ya' : d.advisory ? 'Tidak (anjuran saja: kelompok kecil, tanpa justifikasi)' : 'Tidak';
    dist.addRow(['Sesuai pola distribusi', d.predikatOrganisasi === null ? '-' : verdict]);
    for (const v of d.violations) dist.addRow(['Pelanggaran', v.message]);
    if (d.override) dist.addRow(['Alasan penyimpangan', d.override.justification]);
  }
  dist.getColumn(1).width = 30;
  dist.getColumn(2).width = 60;
  dist.getColumn(3).width = 12;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { SkpDetail, SkpEvaluationDto, SkpPersonRef } from '@pantau/contracts';
import { PREDIKAT_ORGANISASI_LABELS, RATING_LABELS, type PredikatOrganisasi } from '@pantau/domain';
import { kop, periodeText, signatures, styles, verification } from './pdf-kit.js';

export interface EvaluationPdfInput {
  instansiName: string;
  place: string;
  date: string;
  skp: SkpDetail;
  evaluation: SkpEvaluationDto;
  predikatOrganisasi: PredikatOrganisasi | null;
  /** Realisation text per indicator id of the evaluated SKP. */
  realisation: ReadonlyMap<number, string>;
  /** Feedback lines per RHK id and per behaviour. */
  feedbackByRhk: ReadonlyMap<number, string[]>;
  feedbackByBehaviour: ReadonlyMap<string, string[]>;
  verifyUrl: string;
  code: string;
}

function identityRows(no: string, title: string, p: SkpPersonRef | null): TableCell[][] {
  const rows: [string, string][] = [
    ['NAMA', p?.name ?? '-'],
    ['NIP', p?.nip ?? '-'],
    ['PANGKAT/GOL RUANG', p ? [p.pangkat, p.golongan].filter(Boolean).join(', ') || '-' : '-'],
    ['JABATAN', p?.positionName ?? '-'],
    ['UNIT KERJA', p?.unitName ?? '-'],
  ];
  return [
    [{ text: no, style: 'th' }, { text: title, style: 'th', colSpan: 3, alignment: 'left' }, {}, {}],
    ...rows.map(([label, value], n): TableCell[] => [{ text: '', style: 'td' }, { text: String(n + 1), style: 'td' }, { text: label, style: 'td' }, { text: value, style: 'td' }]),
  ];
}

/**
 * Dokumen Evaluasi Kinerja Pegawai (reference §1.10 [S23]) followed by the Evaluasi Kinerja
 * Pegawai tables of Anak Lampiran 4 PermenPANRB 6/2022 [S3]: realisation and continuous
 * feedback per RHK, feedback per behaviour, the two ratings with their reasons and the predikat.
 */
export function evaluationDocument(input: EvaluationPdfInput): TDocumentDefinitions {
  const { skp, evaluation: e } = input;
  const rating = (r: SkpEvaluationDto['hasilKerja']) => (r ? `${RATING_LABELS[r.rating].id} — ${r.reason}` : '-');
  const main: TableCell[][] = [
    ...identityRows('1', 'PEGAWAI YANG DINILAI', e.employee),
    ...identityRows('2', 'PEJABAT PENILAI KINERJA', e.penilai),
    ...identityRows('3', 'ATASAN PEJABAT PENILAI KINERJA', e.atasanPenilai),
    [{ text: '4', style: 'th' }, { text: 'EVALUASI KINERJA', style: 'th', colSpan: 3, alignment: 'left' }, {}, {}],
    [{ text: '', style: 'td' }, { text: '1', style: 'td' }, { text: 'CAPAIAN KINERJA ORGANISASI', style: 'td' }, { text: input.predikatOrganisasi ? PREDIKAT_ORGANISASI_LABELS[input.predikatOrganisasi].id.toUpperCase() : '-', style: 'td' }],
    [{ text: '', style: 'td' }, { text: '2', style: 'td' }, { text: 'PREDIKAT KINERJA PEGAWAI', style: 'td' }, { text: e.predikatLabel?.id.toUpperCase() ?? '-', style: 'td', bold: true }],
    [{ text: '5', style: 'th' }, { text: 'CATATAN/REKOMENDASI', style: 'th', colSpan: 3, alignment: 'left' }, {}, {}],
    [{ text: '', style: 'td' }, { text: e.catatan ?? '-', style: 'td', colSpan: 3 }, {}, {}],
  ];
  const hasil: TableCell[][] = [
    ['NO', 'RENCANA HASIL KERJA', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', 'REALISASI BERDASARKAN BUKTI DUKUNG', 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG'].map((t) => ({ text: t, style: 'th' })),
  ];
  skp.rhk.forEach((r, n) => {
    const rows = r.indicators.length > 0 ? r.indicators : [null];
    rows.forEach((i, k) => {
      const span = (text: string): TableCell => (k === 0 ? { text, style: 'td', rowSpan: rows.length } : {});
      hasil.push([
        span(`${r.kind === 'UTAMA' ? 'A' : 'B'}.${n + 1}`),
        span(r.text),
        { text: i?.text ?? '-', style: 'td' },
        { text: i ? (i.targetText ?? `${i.targetValue ?? ''} ${i.targetUnit ?? ''}`.trim()) : '-', style: 'td' },
        { text: i ? (input.realisation.get(i.id) ?? '-') : '-', style: 'td' },
        span((input.feedbackByRhk.get(r.id) ?? []).join('\n') || '-'),
      ]);
    });
  });
  const perilaku: TableCell[][] = [
    ['NO', 'PERILAKU KERJA', 'EKSPEKTASI KHUSUS PIMPINAN', 'UMPAN BALIK BERKELANJUTAN'].map((t) => ({ text: t, style: 'th' })),
    ...skp.perilaku.map((p, n): TableCell[] => [
      { text: String(n + 1), style: 'td' },
      { text: p.label.id, style: 'td', bold: true },
      { text: p.ekspektasi ?? '-', style: 'td' },
      { text: (input.feedbackByBehaviour.get(p.behaviour) ?? []).join('\n') || '-', style: 'td' },
    ]),
  ];
  const periodTitle = e.period.kind === 'ANNUAL' ? 'AKHIR (TAHUNAN)' : e.period.label.id.toUpperCase().replace(/ \d{4}$/, '');
  return {
    pageSize: 'A4',
    pageMargins: [40, 32, 40, 40],
    info: { title: `Dokumen Evaluasi Kinerja ${e.employee.name} ${e.period.label.id}`, creator: 'Pantau', subject: `Kode verifikasi ${input.code}` },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles,
    footer: (page, pages) => ({ text: `Evaluasi ${e.employee.nip} — ${e.period.label.id} — halaman ${page} dari ${pages} — ${input.code}`, fontSize: 7, alignment: 'center', color: '#666666' }),
    content: [
      ...kop(input.instansiName, ['DOKUMEN EVALUASI KINERJA PEGAWAI', `PERIODE: ${periodTitle}`, `PERIODE PENILAIAN: ${periodeText(e.period.startDate, e.period.endDate)}`]),
      { table: { widths: [18, 14, 150, '*'], body: main }, layout: 'grid', margin: [0, 8, 0, 0] },
      signatures(input.place, input.date, { title: 'Pegawai yang Dinilai', person: e.employee }, { title: 'Pejabat Penilai Kinerja', person: e.penilai }),
      verification(input.verifyUrl, input.code),
      { text: 'EVALUASI KINERJA PEGAWAI', style: 'title', pageBreak: 'before', margin: [0, 0, 0, 6] },
      { text: `PERIODE PENILAIAN: ${periodeText(e.period.startDate, e.period.endDate)}`, style: 'subtitle', margin: [0, 0, 0, 6] },
      { text: 'HASIL KERJA', style: 'section' },
      { table: { headerRows: 1, widths: [20, '*', '*', 45, '*', '*'], body: hasil }, layout: 'grid' },
      { text: `RATING HASIL KERJA: ${rating(e.hasilKerja)}`, margin: [0, 6, 0, 0], bold: true },
      { text: 'PERILAKU KERJA', style: 'section' },
      { table: { headerRows: 1, widths: [18, 90, '*', '*'], body: perilaku }, layout: 'grid' },
      { text: `RATING PERILAKU KERJA: ${rating(e.perilaku)}`, margin: [0, 6, 0, 0], bold: true },
      { text: `PREDIKAT KINERJA PEGAWAI: ${e.predikatLabel?.id.toUpperCase() ?? '-'}`, margin: [0, 6, 0, 0], bold: true, fontSize: 10 },
    ],
  };
}

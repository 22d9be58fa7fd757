import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { SkpDetail } from '@pantau/contracts';
import { SKP_ASPEK_LABELS, SKP_PERSPEKTIF_LABELS } from '@pantau/domain';
import { identityTable, kop, periodeText, signatures, styles, verification } from './pdf-kit.js';

export interface SkpPdfInput {
  instansiName: string;
  place: string;
  date: string;
  skp: SkpDetail;
  verifyUrl: string;
  code: string;
}

const target = (i: SkpDetail['rhk'][number]['indicators'][number]) =>
  i.targetText ?? [i.targetValue === null ? '' : String(i.targetValue).replace('.', ','), i.targetUnit ?? ''].join(' ').trim();

/**
 * The SKP in the BKN e-Kinerja layout (PermenPANRB 6/2022 Lampiran; reference §1.3): kop, periode,
 * identities, HASIL KERJA (utama and tambahan; JA/JF with RHK atasan and aspek, JPT with
 * perspektif), PERILAKU KERJA with ekspektasi khusus, signatures, then the LAMPIRAN page.
 */
export function skpDocument(input: SkpPdfInput): TDocumentDefinitions {
  const { skp } = input;
  const jpt = skp.form === 'JPT';
  const hasilHeader: TableCell[] = jpt
    ? ['NO', 'RENCANA HASIL KERJA', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', 'PERSPEKTIF'].map((t) => ({ text: t, style: 'th' }))
    : ['NO', 'RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI', 'RENCANA HASIL KERJA', 'ASPEK', 'INDIKATOR KINERJA INDIVIDU', 'TARGET'].map((t) => ({ text: t, style: 'th' }));
  const cols = hasilHeader.length;
  const body: TableCell[][] = [hasilHeader];
  for (const [kind, label] of [['UTAMA', 'A. UTAMA'], ['TAMBAHAN', 'B. TAMBAHAN']] as const) {
    body.push([{ text: label, bold: true, colSpan: cols, style: 'td', fillColor: '#f4f4f4' }, ...Array.from({ length: cols - 1 }, () => ({}))]);
    const list = skp.rhk.filter((r) => r.kind === kind);
    if (list.length === 0) body.push([{ text: '-', colSpan: cols, style: 'td', alignment: 'center' }, ...Array.from({ length: cols - 1 }, () => ({}))]);
    list.forEach((r, n) => {
      const rows = r.indicators.length > 0 ? r.indicators : [null];
      rows.forEach((i, k) => {
        const span = (text: string): TableCell => (k === 0 ? { text, style: 'td', rowSpan: rows.length } : {});
        const ind: TableCell = { text: i?.text ?? '-', style: 'td' };
        const tgt: TableCell = { text: i ? target(i) : '-', style: 'td' };
        if (jpt) {
          body.push([span(String(n + 1)), span(r.text), ind, tgt, { text: i?.perspektif ? SKP_PERSPEKTIF_LABELS[i.perspektif].id : '-', style: 'td' }]);
        } else {
          body.push([span(String(n + 1)), span(r.parent?.text ?? '-'), span(r.text), { text: i?.aspek ? SKP_ASPEK_LABELS[i.aspek].id : '-', style: 'td' }, ind, tgt]);
        }
      });
    });
  }
  const perilaku: TableCell[][] = [
    ['NO', 'PERILAKU KERJA', 'EKSPEKTASI KHUSUS PIMPINAN'].map((t) => ({ text: t, style: 'th' })),
    ...skp.perilaku.map((p, n): TableCell[] => [
      { text: String(n + 1), style: 'td' },
      { stack: [{ text: p.label.id, bold: true }, { ol: p.panduan }], style: 'td' },
      { text: p.ekspektasi ?? '-', style: 'td' },
    ]),
  ];
  const lampiran = (title: string, items: readonly string[]): Content[] => [
    { text: title, style: 'section' },
    items.length > 0 ? { ol: [...items], fontSize: 9 } : { text: '-', fontSize: 9 },
  ];
  const titles = [
    'SASARAN KINERJA PEGAWAI',
    jpt ? 'BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI' : 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL',
    `PENDEKATAN HASIL KERJA ${skp.approach}`,
    `PERIODE: ${periodeText(skp.periodStart, skp.periodEnd)}`,
    ...(skp.version > 1 ? [`VERSI ${skp.version}`] : []),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 30, 36, 36],
    info: { title: `SKP ${skp.employee.name} ${skp.year}`, creator: 'Pantau', subject: `Kode verifikasi ${input.code}` },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles,
    footer: (page, pages) => ({ text: `SKP ${skp.employee.nip} — halaman ${page} dari ${pages} — ${input.code}`, fontSize: 7, alignment: 'center', color: '#666666' }),
    content: [
      ...kop(input.instansiName, titles),
      identityTable([
        { title: 'PEGAWAI YANG DINILAI', person: skp.employee },
        { title: 'PEJABAT PENILAI KINERJA', person: skp.penilai },
      ]),
      { text: 'HASIL KERJA', style: 'section' },
      { table: { headerRows: 1, widths: jpt ? [18, '*', '*', 80, 90] : [18, '*', '*', 55, '*', 70], body }, layout: 'grid' },
      { text: 'PERILAKU KERJA', style: 'section' },
      { table: { headerRows: 1, widths: [18, '*', '*'], body: perilaku }, layout: 'grid' },
      signatures(input.place, input.date, { title: 'Pegawai yang Dinilai', person: skp.employee }, { title: 'Pejabat Penilai Kinerja', person: skp.penilai }),
      verification(input.verifyUrl, input.code),
      { text: 'LAMPIRAN SASARAN KINERJA PEGAWAI', style: 'title', pageBreak: 'before', margin: [0, 0, 0, 8] },
      ...lampiran('DUKUNGAN SUMBER DAYA', skp.lampiran.DUKUNGAN_SUMBER_DAYA),
      ...lampiran('SKEMA PERTANGGUNGJAWABAN', skp.lampiran.SKEMA_PERTANGGUNGJAWABAN),
      ...lampiran('KONSEKUENSI', skp.lampiran.KONSEKUENSI),
      signatures(input.place, input.date, { title: 'Pegawai yang Dinilai', person: skp.employee }, { title: 'Pejabat Penilai Kinerja', person: skp.penilai }),
    ],
  };
}

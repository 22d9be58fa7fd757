import { describe, expect, it } from 'vitest';
import { BERAKHLAK, BERAKHLAK_DEFINITIONS, isBerakhlak } from './berakhlak.js';
import { summariseStrengths } from './strengths.js';

describe('BerAKHLAK (§1.5)', () => {
  it('has seven values with three panduan each', () => {
    expect(BERAKHLAK).toHaveLength(7);
    for (const b of BERAKHLAK) expect(BERAKHLAK_DEFINITIONS[b].panduan).toHaveLength(3);
    expect(isBerakhlak('AKUNTABEL')).toBe(true);
    expect(isBerakhlak('JUJUR')).toBe(false);
  });
});

describe('summariseStrengths', () => {
  it('names what was above and below expectation in plain Bahasa Indonesia', () => {
    const s = summariseStrengths({
      results: [
        { text: 'Laporan keuangan tepat waktu', rating: 'DI_ATAS' },
        { text: 'Arsip terdigitalisasi', rating: 'DI_BAWAH' },
        { text: 'Rapat koordinasi', rating: 'SESUAI' },
      ],
      behaviours: [
        { behaviour: 'AKUNTABEL', rating: 'DI_ATAS' },
        { behaviour: 'KOLABORATIF', rating: 'DI_BAWAH' },
        { behaviour: 'LOYAL', rating: null },
      ],
      predikat: 'BAIK',
      feedbackCount: 3,
    });
    expect(s.resultsAbove).toEqual(['Laporan keuangan tepat waktu']);
    expect(s.behavioursBelow).toEqual(['KOLABORATIF']);
    expect(s.developmentAreas).toEqual(['Kolaboratif', 'Arsip terdigitalisasi']);
    expect(s.summary.id).toContain('Predikat kinerja periode ini: Baik.');
    expect(s.summary.id).toContain('Perilaku kerja yang perlu ditingkatkan: Kolaboratif.');
    expect(s.summary.id).toContain('Atasan memberikan 3 umpan balik');
    expect(s.summary.en).toContain('Behaviours to improve: Collaborative.');
  });

  it('says when nothing is rated and when all met expectations', () => {
    expect(summariseStrengths({ results: [], behaviours: [], predikat: null, feedbackCount: 0 }).summary.id).toBe(
      'Penilaian periode ini belum ada. Belum ada umpan balik dari atasan pada periode ini.',
    );
    const ok = summariseStrengths({ results: [{ text: 'A', rating: 'SESUAI' }], behaviours: [], predikat: 'BAIK', feedbackCount: 1 });
    expect(ok.summary.id).toContain('sesuai ekspektasi');
    expect(ok.developmentAreas).toEqual([]);
  });
});

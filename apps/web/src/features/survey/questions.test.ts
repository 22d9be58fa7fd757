import { IKM_ANSWER_SCALE, IKM_QUESTIONS, IKM_QUESTIONS_EN, IKM_UNSUR } from '@pantau/domain';
import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from './api';
import { localisedQuestion, unsurName } from './questions';

/** The nine questions as GET /api/public/service-points/:slug sends them. */
const questions: SurveyQuestion[] = IKM_UNSUR.map((u) => ({
  kode: u.kode,
  urutan: u.urutan,
  nama: u.nama,
  pertanyaan: IKM_QUESTIONS[u.kode],
  options: IKM_ANSWER_SCALE.map((a, i) => ({ nilai: a.nilai, huruf: a.huruf, label: u.jawaban[i] ?? '' })),
  en: { nama: IKM_QUESTIONS_EN[u.kode].nama, pertanyaan: IKM_QUESTIONS_EN[u.kode].pertanyaan, options: [...IKM_QUESTIONS_EN[u.kode].jawaban] },
}));

describe('survey questions in the interface language', () => {
  it('keeps the regulation\'s Indonesian wording in Indonesian', () => {
    const u7 = localisedQuestion(questions[6]!, 'id');
    expect(u7.nama).toBe('Perilaku Pelaksana');
    expect(u7.options.map((o) => o.label)).toEqual(['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah']);
  });

  it('shows all nine unsur, questions and four answers in English, with the same nilai and letters', () => {
    for (const q of questions) {
      const en = localisedQuestion(q, 'en');
      expect(en.nama).not.toBe(q.nama);
      expect(en.pertanyaan).toMatch(/\?$/);
      expect(en.options.map((o) => [o.nilai, o.huruf])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
      expect(new Set(en.options.map((o) => o.label)).size).toBe(4);
      for (const o of en.options) expect(q.options.map((x) => x.label)).not.toContain(o.label);
    }
    expect(localisedQuestion(questions[3]!, 'en').options.map((o) => o.label)).toEqual(['Very expensive', 'Rather expensive', 'Cheap', 'Free of charge']);
  });

  it('names an unsur of the IKM report in the interface language', () => {
    expect(unsurName('U7', 'Perilaku Pelaksana', 'id')).toBe('Perilaku Pelaksana');
    expect(unsurName('U7', 'Perilaku Pelaksana', 'en')).toBe('Behaviour of staff');
  });
});

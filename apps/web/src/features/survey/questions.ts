import { IKM_QUESTIONS_EN, type KodeUnsurIkm } from '@pantau/domain';
import type { SurveyQuestion } from './api';

/**
 * A questionnaire item in the interface language: Indonesian is the regulation's wording
 * (PermenPANRB 14/2017) as the server sends it; English uses the translation sent alongside
 * (`en`). The answers keep their nilai 1–4, so the IKM is the same in both languages.
 */
export function localisedQuestion(q: SurveyQuestion, lang: string): SurveyQuestion {
  if (!lang.startsWith('en')) return q;
  return {
    ...q,
    nama: q.en.nama,
    pertanyaan: q.en.pertanyaan,
    options: q.options.map((o, i) => ({ ...o, label: q.en.options[i] ?? o.label })),
  };
}

/** An unsur's name in the interface language (the report sends the regulation's Indonesian name). */
export function unsurName(kode: string, nama: string, lang: string): string {
  if (!lang.startsWith('en')) return nama;
  return IKM_QUESTIONS_EN[kode as KodeUnsurIkm]?.nama ?? nama;
}

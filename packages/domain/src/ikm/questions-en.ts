import type { KodeUnsurIkm } from './unsur.js';

/** One unsur in English: its name, the question and the four answers for nilai 1–4. */
export interface UnsurIkmEnglish {
  readonly nama: string;
  readonly pertanyaan: string;
  readonly jawaban: readonly [string, string, string, string];
}

/**
 * The SKM questionnaire in English, for the English interface only. The Indonesian wording
 * (unsur.ts, questions.ts) stays the regulation's and is what the IKM is computed from; this is a
 * plain translation that keeps the same order of answers (1 = worst … 4 = best).
 */
export const IKM_QUESTIONS_EN: Readonly<Record<KodeUnsurIkm, UnsurIkmEnglish>> = {
  U1: {
    nama: 'Requirements',
    pertanyaan: 'How well do the requirements of this service fit the kind of service it is?',
    jawaban: ['Not suitable', 'Less suitable', 'Suitable', 'Very suitable'],
  },
  U2: {
    nama: 'Systems, mechanisms and procedures',
    pertanyaan: 'How easy is the service procedure at this unit?',
    jawaban: ['Not easy', 'Less easy', 'Easy', 'Very easy'],
  },
  U3: {
    nama: 'Completion time',
    pertanyaan: 'How fast was the service given?',
    jawaban: ['Not fast', 'Less fast', 'Fast', 'Very fast'],
  },
  U4: {
    nama: 'Cost/fee',
    pertanyaan: 'How fair is the cost or fee of the service?',
    jawaban: ['Very expensive', 'Rather expensive', 'Cheap', 'Free of charge'],
  },
  U5: {
    nama: 'Products and kinds of service',
    pertanyaan: 'How well does what you received match what the service standard promises?',
    jawaban: ['Not as promised', 'Less than promised', 'As promised', 'Fully as promised'],
  },
  U6: {
    nama: 'Competence of staff',
    pertanyaan: 'How competent and capable were the staff who served you?',
    jawaban: ['Not competent', 'Less competent', 'Competent', 'Very competent'],
  },
  U7: {
    nama: 'Behaviour of staff',
    pertanyaan: 'How polite and friendly were the staff who served you?',
    jawaban: ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
  },
  U8: {
    nama: 'Handling of complaints, suggestions and feedback',
    pertanyaan: 'How well are complaints from service users handled?',
    jawaban: ['There is no way to complain', 'There is one, but it does not work', 'It works, but not fully', 'It is well managed'],
  },
  U9: {
    nama: 'Facilities and infrastructure',
    pertanyaan: 'What is the quality of the facilities and infrastructure?',
    jawaban: ['Poor', 'Fair', 'Good', 'Very good'],
  },
};

import { BERAKHLAK_DEFINITIONS, type Berakhlak } from './berakhlak.js';
import type { Label, PredikatKinerja, Rating } from './types.js';
import { PREDIKAT_KINERJA_LABELS } from './types.js';

/**
 * Strengths and weaknesses of one employee in one evaluation period (issue 3 §6): which results
 * and behaviours were rated above or below expectation, in plain Bahasa Indonesia (and English).
 * The training module turns `developmentAreas` into development needs (PermenPANRB 6/2022:
 * "pengembangan kinerja pegawai" follows the evaluation).
 */

export interface StrengthsInput {
  readonly results: readonly { readonly text: string; readonly rating: Rating | null }[];
  readonly behaviours: readonly { readonly behaviour: Berakhlak; readonly rating: Rating | null }[];
  readonly predikat: PredikatKinerja | null;
  readonly feedbackCount: number;
}

export interface StrengthsSummary {
  readonly resultsAbove: readonly string[];
  readonly resultsBelow: readonly string[];
  readonly behavioursAbove: readonly Berakhlak[];
  readonly behavioursBelow: readonly Berakhlak[];
  /** Behaviours below expectation, then results below expectation: what to develop first. */
  readonly developmentAreas: readonly string[];
  readonly summary: Label;
}

function listId(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1] ?? ''}`;
}

function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}...` : s}"`;

/** Builds the strengths/weaknesses lists and a short plain-language summary. */
export function summariseStrengths(input: StrengthsInput): StrengthsSummary {
  const resultsAbove = input.results.filter((r) => r.rating === 'DI_ATAS').map((r) => r.text);
  const resultsBelow = input.results.filter((r) => r.rating === 'DI_BAWAH').map((r) => r.text);
  const behavioursAbove = input.behaviours.filter((b) => b.rating === 'DI_ATAS').map((b) => b.behaviour);
  const behavioursBelow = input.behaviours.filter((b) => b.rating === 'DI_BAWAH').map((b) => b.behaviour);
  const bId = (list: readonly Berakhlak[]) => list.map((b) => BERAKHLAK_DEFINITIONS[b].label.id);
  const bEn = (list: readonly Berakhlak[]) => list.map((b) => BERAKHLAK_DEFINITIONS[b].label.en);
  const developmentAreas = [...bId(behavioursBelow), ...resultsBelow];

  const id: string[] = [];
  const en: string[] = [];
  const rated = input.results.some((r) => r.rating !== null) || input.behaviours.some((b) => b.rating !== null);
  if (input.predikat !== null) {
    id.push(`Predikat kinerja periode ini: ${PREDIKAT_KINERJA_LABELS[input.predikat].id}.`);
    en.push(`Performance rating for this period: ${PREDIKAT_KINERJA_LABELS[input.predikat].en}.`);
  } else if (!rated) {
    id.push('Penilaian periode ini belum ada.');
    en.push('This period has not been rated yet.');
  }
  if (resultsAbove.length > 0) {
    id.push(`Hasil kerja yang melampaui ekspektasi: ${listId(resultsAbove.map(quote))}.`);
    en.push(`Results above expectation: ${listEn(resultsAbove.map(quote))}.`);
  }
  if (resultsBelow.length > 0) {
    id.push(`Hasil kerja yang masih di bawah ekspektasi: ${listId(resultsBelow.map(quote))}.`);
    en.push(`Results below expectation: ${listEn(resultsBelow.map(quote))}.`);
  }
  if (behavioursAbove.length > 0) {
    id.push(`Perilaku kerja yang menonjol: ${listId(bId(behavioursAbove))}.`);
    en.push(`Stand-out behaviours: ${listEn(bEn(behavioursAbove))}.`);
  }
  if (behavioursBelow.length > 0) {
    id.push(`Perilaku kerja yang perlu ditingkatkan: ${listId(bId(behavioursBelow))}.`);
    en.push(`Behaviours to improve: ${listEn(bEn(behavioursBelow))}.`);
  }
  if (rated && resultsAbove.length + resultsBelow.length + behavioursAbove.length + behavioursBelow.length === 0) {
    id.push('Seluruh hasil kerja dan perilaku kerja yang dinilai sesuai ekspektasi.');
    en.push('All rated results and behaviours met expectations.');
  }
  if (developmentAreas.length > 0) {
    id.push('Bagian yang di bawah ekspektasi dapat dijadikan kebutuhan pengembangan kompetensi.');
    en.push('What is below expectation can become a competency development need.');
  }
  id.push(
    input.feedbackCount === 0
      ? 'Belum ada umpan balik dari atasan pada periode ini.'
      : `Atasan memberikan ${input.feedbackCount} umpan balik pada periode ini.`,
  );
  en.push(
    input.feedbackCount === 0
      ? 'No feedback from the supervisor in this period yet.'
      : `The supervisor gave ${input.feedbackCount} feedback item${input.feedbackCount === 1 ? '' : 's'} in this period.`,
  );
  return { resultsAbove, resultsBelow, behavioursAbove, behavioursBelow, developmentAreas, summary: { id: id.join(' '), en: en.join(' ') } };
}

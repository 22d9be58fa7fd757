import { BERAKHLAK_DEFINITIONS, type Berakhlak } from '../skp/berakhlak.js';
import type { Rating } from '../skp/types.js';
import type { TrainingKind } from './catalogue.js';

/**
 * Development needs (kebutuhan pengembangan kompetensi). PP 11/2017 jo PP 17/2020 Pasal 205–206:
 * needs follow from the gap in competency and in performance, i.e. the SKP evaluation feeds the
 * training plan (§8.3); issue 6 §3 adds verified complaints about service ("Berorientasi
 * Pelayanan", §1.5). A need is one development area of one employee in one year; several sources
 * (two periods rated below expectation, a complaint) may point at the same area.
 */

export const NEED_SOURCES = ['SKP_PERILAKU', 'SKP_HASIL_KERJA', 'KELUHAN', 'MANUAL'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** OPEN until a completed training that develops it closes it, or the supervisor withdraws it. */
export const NEED_STATUSES = ['OPEN', 'CLOSED', 'WITHDRAWN'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** One weakness found in a source, before it is merged into a need. */
export interface Weakness {
  /** Stable identity of the source, so a source is turned into a need only once. */
  readonly sourceKey: string;
  /** The development area: `behaviour:<BERAKHLAK>`, `rhk:<RHK key>`, `hasil-kerja` or `perilaku`. */
  readonly areaKey: string;
  readonly source: NeedSource;
  readonly behaviour: Berakhlak | null;
  /** What to develop in words (RHK text for results below expectation). */
  readonly competency: string | null;
}

export interface RatedEvaluation {
  readonly evaluationId: number;
  readonly hasilKerjaRating: Rating | null;
  readonly perilakuRating: Rating | null;
  readonly items: readonly {
    /** Lineage key of the RHK (stable across SKP versions). */
    readonly rhkKey: string | null;
    readonly rhkText: string | null;
    readonly behaviour: Berakhlak | null;
    readonly rating: Rating;
  }[];
}

export const behaviourArea = (b: Berakhlak) => `behaviour:${b}`;

/**
 * Weaknesses of one rated evaluation: every behaviour rated Di Bawah Ekspektasi, every RHK rated
 * Di Bawah Ekspektasi, and — when hasil kerja as a whole is Di Bawah but no single RHK is — one
 * general "hasil kerja" area. A perilaku rated Di Bawah without a behaviour named gives a
 * general area too.
 */
export function evaluationWeaknesses(e: RatedEvaluation): Weakness[] {
  const out: Weakness[] = [];
  for (const item of e.items) {
    if (item.rating !== 'DI_BAWAH') continue;
    if (item.behaviour !== null) {
      out.push({
        sourceKey: `skp:${e.evaluationId}:behaviour:${item.behaviour}`,
        areaKey: behaviourArea(item.behaviour),
        source: 'SKP_PERILAKU',
        behaviour: item.behaviour,
        competency: null,
      });
    } else if (item.rhkKey !== null) {
      out.push({
        sourceKey: `skp:${e.evaluationId}:rhk:${item.rhkKey}`,
        areaKey: `rhk:${item.rhkKey}`,
        source: 'SKP_HASIL_KERJA',
        behaviour: null,
        competency: item.rhkText,
      });
    }
  }
  if (e.hasilKerjaRating === 'DI_BAWAH' && !out.some((w) => w.source === 'SKP_HASIL_KERJA')) {
    out.push({ sourceKey: `skp:${e.evaluationId}:hasil-kerja`, areaKey: 'hasil-kerja', source: 'SKP_HASIL_KERJA', behaviour: null, competency: null });
  }
  if (e.perilakuRating === 'DI_BAWAH' && !out.some((w) => w.source === 'SKP_PERILAKU')) {
    out.push({ sourceKey: `skp:${e.evaluationId}:perilaku`, areaKey: 'perilaku', source: 'SKP_PERILAKU', behaviour: null, competency: null });
  }
  return out;
}

/**
 * A verified complaint about a named employee's service is a weakness in "Berorientasi
 * Pelayanan" (the aspect the feedback module attaches it to, §1.5).
 */
export function complaintWeakness(complaintId: number, aspect: Berakhlak = 'BERORIENTASI_PELAYANAN'): Weakness {
  return { sourceKey: `complaint:${complaintId}`, areaKey: behaviourArea(aspect), source: 'KELUHAN', behaviour: aspect, competency: null };
}

/** What a course develops, for matching against needs. */
export interface CourseFocus {
  readonly id: number;
  readonly kind: TrainingKind;
  readonly behaviours: readonly Berakhlak[];
  readonly competencies: readonly string[];
  readonly title: string;
}

export interface NeedFocus {
  readonly behaviour: Berakhlak | null;
  readonly competency: string | null;
  readonly source: NeedSource;
  readonly plannedCourseId?: number | null;
}

const STOP = new Set(['dan', 'yang', 'untuk', 'dengan', 'pada', 'dalam', 'dari', 'atau', 'oleh', 'serta', 'para', 'the', 'and']);

/** Lower-case words of four letters or more, without common Indonesian function words. */
export function keywords(text: string | null): Set<string> {
  if (!text) return new Set();
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !STOP.has(w)),
  );
}

/**
 * How well a course answers a need (0 = not at all): the course develops the need's behaviour
 * (3); shares words between the need's competency and the course title or competencies (1 each,
 * at most 3); a technical course for results below expectation (1, only with another match or
 * when the need names no competency).
 */
export function courseMatchScore(need: NeedFocus, course: CourseFocus): number {
  let score = 0;
  if (need.behaviour !== null && course.behaviours.includes(need.behaviour)) score += 3;
  const wanted = keywords(need.competency);
  if (wanted.size > 0) {
    const offered = keywords([course.title, ...course.competencies].join(' '));
    let shared = 0;
    for (const w of wanted) if (offered.has(w)) shared++;
    score += Math.min(3, shared);
  }
  if (need.source === 'SKP_HASIL_KERJA' && course.kind === 'TEKNIS' && (score > 0 || wanted.size === 0)) score += 1;
  return score;
}

/** The best-matching courses for a need, best first (ties: lower id first), at most `limit`. */
export function suggestCourses<C extends CourseFocus>(need: NeedFocus, courses: readonly C[], limit = 3): C[] {
  return courses
    .map((c) => ({ c, score: courseMatchScore(need, c) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.c.id - b.c.id)
    .slice(0, limit)
    .map((x) => x.c);
}

/** A completed training (or verified external one) as far as closing needs goes. */
export interface CompletedTraining {
  readonly courseId: number | null;
  readonly behaviours: readonly Berakhlak[];
  /** The need the place was requested for, if any. */
  readonly needId: number | null;
}

/**
 * Whether a completed training closes a need: it was taken for that need, it is the course agreed
 * in the plan for it, or it develops the need's behaviour. Results below expectation without a
 * behaviour close only through the first two (a named course), since "developing a result" cannot
 * be read from a catalogue entry.
 */
export function closesNeed(need: NeedFocus & { readonly id: number }, t: CompletedTraining): boolean {
  if (t.needId === need.id) return true;
  if (t.courseId !== null && need.plannedCourseId === t.courseId) return true;
  return need.behaviour !== null && t.behaviours.includes(need.behaviour);
}

/** Bahasa Indonesia / English title of a need, for lists and notifications. */
export function needTitle(need: Pick<Weakness, 'behaviour' | 'competency' | 'areaKey'>): { id: string; en: string } {
  if (need.behaviour !== null) {
    const label = BERAKHLAK_DEFINITIONS[need.behaviour].label;
    return { id: `Perilaku kerja: ${label.id}`, en: `Work behaviour: ${label.en}` };
  }
  if (need.competency) return { id: `Hasil kerja: ${need.competency}`, en: `Results: ${need.competency}` };
  if (need.areaKey === 'perilaku') return { id: 'Perilaku kerja secara umum', en: 'Work behaviour in general' };
  return { id: 'Hasil kerja secara umum', en: 'Results in general' };
}

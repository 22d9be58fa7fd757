import type { EvidenceItem } from './model';
import type { ActivityFormValues } from './validate';

/**
 * The activity being typed, kept for this tab only (sessionStorage). On a cheap Android phone the
 * browser is often killed while the camera app is open; when the page comes back, the person finds
 * what they had typed. Files not yet uploaded cannot be kept there and are left out.
 */
export interface FormDraft {
  mode: 'add' | 'edit';
  index: number | null;
  values: ActivityFormValues;
}

const key = (date: string) => `pantau.activityDraft.${date}`;

export function saveFormDraft(date: string, draft: FormDraft | null): void {
  try {
    if (draft === null) {
      sessionStorage.removeItem(key(date));
      return;
    }
    const evidence: EvidenceItem[] = draft.values.evidence.filter((e) => e.kind === 'uploaded');
    sessionStorage.setItem(key(date), JSON.stringify({ ...draft, values: { ...draft.values, evidence } }));
  } catch {
    // Not kept: nothing else depends on it.
  }
}

export function loadFormDraft(date: string): FormDraft | null {
  try {
    const raw = sessionStorage.getItem(key(date));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as FormDraft;
    return parsed && typeof parsed.values?.description === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

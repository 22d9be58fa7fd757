import type { TFunction } from 'i18next';
import type { EmployeeDetailDto } from '../../api/types';

/** "III/b – Penata Tingkat I", or whichever half is known. */
export function golonganPangkat(e: Pick<EmployeeDetailDto, 'golongan' | 'pangkat'>): string | null {
  const parts = [e.golongan, e.pangkat].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' – ') : null;
}

export function sexLabel(t: TFunction, sex: EmployeeDetailDto['sex']): string | null {
  if (sex === 'L') return t('person.sexL');
  if (sex === 'P') return t('person.sexP');
  return null;
}

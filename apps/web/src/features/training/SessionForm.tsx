import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { TextField } from '../../components/ui/TextField';
import type { SessionDto, SessionInput } from './api';
import { fieldError, summaryFrom } from './fields';

/** The form of one session, to add it (no `session`) or to move it (dates, times, place, seats). */
export function SessionForm({
  prefix,
  session,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  prefix: string;
  session?: SessionDto;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (body: SessionInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('training');
  const [v, setV] = useState({
    startDate: session?.startDate ?? '',
    endDate: session && session.endDate !== session.startDate ? session.endDate : '',
    startTime: session?.startTime ?? '08:00',
    endTime: session?.endTime ?? '16:00',
    place: session?.place ?? '',
    capacity: String(session?.capacity ?? 30),
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const err = (name: string) => fieldError(error, name);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ ...v, endDate: v.endDate || v.startDate, capacity: Number(v.capacity) });
      }}
    >
      <ErrorSummary errors={summaryFrom(error, prefix, ['startDate', 'endDate', 'startTime', 'endTime', 'place', 'capacity'])} />
      <TextField id={id('startDate')} label={t('manage.startDate')} type="date" required value={v.startDate} error={err('startDate')} onChange={set('startDate')} />
      <TextField id={id('endDate')} label={t('manage.endDate')} hint={t('manage.endDateHint')} type="date" value={v.endDate} error={err('endDate')} onChange={set('endDate')} />
      <TextField id={id('startTime')} label={t('manage.startTime')} type="time" required value={v.startTime} error={err('startTime')} onChange={set('startTime')} />
      <TextField id={id('endTime')} label={t('manage.endTime')} type="time" required value={v.endTime} error={err('endTime')} onChange={set('endTime')} />
      <TextField id={id('place')} label={t('manage.place')} required maxLength={200} value={v.place} error={err('place')} onChange={set('place')} />
      <TextField
        id={id('capacity')}
        label={t('manage.capacity')}
        hint={session ? t('manage.capacityHint', { taken: session.seatsTaken }) : undefined}
        type="number"
        min={1}
        max={10000}
        required
        value={v.capacity}
        error={err('capacity')}
        onChange={set('capacity')}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}

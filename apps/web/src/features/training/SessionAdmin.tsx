import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCancelSession, useUpdateSession, type SessionDto } from './api';
import { SessionForm } from './SessionForm';

/**
 * The organiser's controls of a session not yet over: move it (new dates, times, place or seats;
 * those with a place or a request are notified) or cancel it (after a confirmation).
 */
export function SessionAdmin({ session: s }: { session: SessionDto }) {
  const { t } = useTranslation('training');
  const [mode, setMode] = useState<'view' | 'edit' | 'cancel'>('view');
  const update = useUpdateSession();
  const cancel = useCancelSession();
  const people = s.seatsTaken;
  if (s.state !== 'UPCOMING' && s.state !== 'ONGOING') return null;
  return (
    <section className="section" aria-labelledby="session-admin-heading">
      <h2 className="heading-m" id="session-admin-heading">
        {t('sessionAdmin.heading')}
      </h2>
      {update.isSuccess && mode === 'view' ? <p role="status">{t('sessionAdmin.saved')}</p> : null}
      {mode === 'edit' ? (
        <>
          <p className="muted">{t('sessionAdmin.editHint')}</p>
          <SessionForm
            prefix="edit-session"
            session={s}
            error={update.error}
            pending={update.isPending}
            submitLabel={t('sessionAdmin.save')}
            onSubmit={(body) => update.mutate({ id: s.id, body }, { onSuccess: () => setMode('view') })}
            onCancel={() => setMode('view')}
          />
        </>
      ) : mode === 'cancel' ? (
        <div className="trn-confirm" role="group" aria-labelledby="cancel-session-question">
          <p id="cancel-session-question">
            <strong>{t('sessionAdmin.cancelQuestion')}</strong>
          </p>
          <p>{people > 0 ? t('sessionAdmin.cancelEffect', { count: people }) : t('sessionAdmin.cancelNobody')}</p>
          {cancel.error instanceof ApiError ? (
            <p className="field__error" role="alert">
              {cancel.error.fields[0]?.message ?? cancel.error.message}
            </p>
          ) : null}
          <div className="button-group">
            <button type="button" className="button button--warning" disabled={cancel.isPending} onClick={() => cancel.mutate(s.id, { onSuccess: () => setMode('view') })}>
              {t('sessionAdmin.cancelYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode('view')}>
              {t('sessionAdmin.cancelNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-group">
          <button type="button" className="button button--secondary" onClick={() => setMode('edit')}>
            {t('sessionAdmin.edit')}
          </button>
          <button type="button" className="button button--warning" onClick={() => setMode('cancel')}>
            {t('sessionAdmin.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

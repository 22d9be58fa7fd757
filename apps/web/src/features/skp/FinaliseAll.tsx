import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkpBulkFinaliseBody } from '@pantau/contracts';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { Notice } from '../../components/ui/Status';
import { useSkpMutation, type TeamEvaluations } from './api';
import { TextArea } from './fields';
import { checkWith, generalMessage, serverFieldMessages, summaryFrom } from './form';

/**
 * Pejabat penilai: finalise every rated, unlocked evaluation of the period in one step. When the
 * pool breaks the distribution pattern the server asks for one recorded justification.
 */
export function FinaliseAll({ rows, periodId }: { rows: TeamEvaluations['rows']; periodId: number }) {
  const { t } = useTranslation('skp');
  const ready = rows.filter((r) => r.abilities.finalise && r.evaluationId !== null);
  const [justification, setJustification] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const send = useSkpMutation<unknown, { finalised: number[] }>((body) => ({ path: '/api/skp/evaluations/finalisation', body }));
  const fields = serverFieldMessages(send.error);
  const needsJustification = fields.distributionJustification !== undefined || justification !== '';
  if (ready.length === 0 && done === null) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkWith(SkpBulkFinaliseBody, {
      evaluationIds: ready.map((r) => r.evaluationId),
      distributionJustification: justification.trim() === '' ? null : justification,
    });
    if (checked.ok) send.mutate(checked.data, { onSuccess: (r) => setDone(r.finalised.length) });
  };
  return (
    <section className="skp-box" aria-labelledby={`finalise-all-${periodId}`}>
      <h2 className="heading-s" id={`finalise-all-${periodId}`}>
        {t('rating.finaliseAllTitle')}
      </h2>
      {done !== null ? <Notice tone="success" title={t('rating.finaliseAllDone', { count: done })} /> : null}
      {ready.length > 0 ? (
        <form onSubmit={onSubmit} noValidate>
          <p>{t('rating.finaliseAllIntro', { count: ready.length })}</p>
          <ErrorSummary errors={summaryFrom(fields, 'finalise-all', generalMessage(send.error, t('form.failed')))} />
          {needsJustification ? (
            <TextArea
              id="finalise-all-distributionJustification"
              label={t('rating.justification')}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              error={fields.distributionJustification}
            />
          ) : null}
          <button type="submit" className="button button--warning" disabled={send.isPending}>
            {t('rating.finaliseAll', { count: ready.length })}
          </button>
        </form>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../components/ui/Status';
import { formatDate } from '../../lib/format';
import { groupSecret } from '../public/format';
import { StepHeading } from '../public/StepHeading';
import type { ComplaintCreated } from './api';
import { NS } from './namespace';

export interface UploadState {
  file: File;
  state: 'pending' | 'sending' | 'done' | 'failed';
  message?: string;
}

/**
 * The tracking code and secret (shown once), where they are also being sent (e-mail, SMS/WhatsApp)
 * or that they must be written down, what happens next, and the attachments' progress.
 */
export function SentStep({
  created,
  contactGiven,
  uploads,
  onRetry,
}: {
  created: ComplaintCreated;
  contactGiven: boolean;
  uploads: UploadState[];
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const sending = uploads.findIndex((u) => u.state === 'sending' || u.state === 'pending');
  const failed = uploads.filter((u) => u.state === 'failed');
  return (
    <div className="narrow">
      <div className="thanks">
        <StepHeading title={t('form.sent.title')} stepKey="sent" />
        <p>{t('form.sent.lead', { date: formatDate(created.receivedOn, lang) })}</p>
      </div>

      <h2 className="heading-m">{t('form.sent.saveTitle')}</h2>
      <div className="code-box">
        <dl>
          <dt>{t('form.sent.code')}</dt>
          <dd data-testid="tracking-code">{created.trackingCode}</dd>
          <dt>{t('form.sent.secret')}</dt>
          <dd data-testid="tracking-secret">{groupSecret(created.token)}</dd>
        </dl>
      </div>
      {created.codeSentBy.length > 0 ? (
        <p data-testid="code-sent">
          {created.codeSentBy.includes('EMAIL') && created.codeSentBy.includes('PHONE')
            ? t('form.sent.sentBoth')
            : created.codeSentBy.includes('EMAIL')
              ? t('form.sent.sentEmail')
              : t('form.sent.sentPhone')}
        </p>
      ) : null}
      <Notice tone="warning">
        {contactGiven && created.codeSentBy.length === 0 ? <p data-testid="code-not-sent">{t('form.sent.notSent')}</p> : null}
        <p>{t('form.sent.saveAdvice')}</p>
      </Notice>

      {uploads.length > 0 ? (
        <div aria-live="polite">
          {sending !== -1 ? (
            <p role="status">{t('form.check.uploading', { n: sending + 1, total: uploads.length })}</p>
          ) : failed.length > 0 ? (
            <Notice tone="warning" title={t('form.sent.uploadFailed')}>
              <ul>
                {failed.map((u) => (
                  <li key={u.file.name}>
                    {u.file.name}: {u.message}
                  </li>
                ))}
              </ul>
              <button type="button" className="button button--secondary" onClick={onRetry}>
                {t('form.sent.retryUploads')}
              </button>
            </Notice>
          ) : (
            <p role="status">{t('form.sent.uploadsDone')}</p>
          )}
        </div>
      ) : null}

      <h2 className="heading-m">{t('form.sent.nextTitle')}</h2>
      <p>{t('form.sent.nextVerify', { date: formatDate(created.verifyDueOn, lang) })}</p>
      <p>{created.anonymous ? t('form.sent.privacyAnonim') : t('form.sent.privacyRahasia')}</p>
      <Link
        className="button button--wide"
        to="/pengaduan/lacak"
        state={{ trackingCode: created.trackingCode, token: created.token }}
      >
        {t('form.sent.track')}
      </Link>
      <p>
        <Link to="/pengaduan" reloadDocument>
          {t('form.sent.another')}
        </Link>
      </p>
    </div>
  );
}

import { ChangePasswordBody } from '@pantau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { useChangePassword } from './api';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_IDS: Record<FieldName, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
};

/**
 * Current + new password, validated with the same zod schema the server uses
 * (ChangePasswordBody), with errors beside each field and in a summary at the top.
 */
export function ChangePasswordForm({ headingLevel, onDone }: { headingLevel?: 'h2'; onDone?: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  const validate = (): FieldErrors => {
    const result = ChangePasswordBody.safeParse({ currentPassword, newPassword });
    const out: FieldErrors = {};
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0];
        if (field === 'currentPassword' && !out.currentPassword) out.currentPassword = t('auth.password.currentRequired');
        if (field === 'newPassword' && !out.newPassword) {
          out.newPassword = issue.code === 'too_big' ? t('auth.password.newTooLong') : t('auth.password.newTooShort');
        }
      }
    }
    if (!out.newPassword && newPassword && newPassword === currentPassword) {
      out.newPassword = t('auth.password.newSameAsCurrent');
    }
    return out;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.currentPassword || found.newPassword) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          onDone?.();
        },
      },
    );
  };

  // Server answers: field errors by path, a wrong current password as INVALID_CREDENTIALS.
  const serverError = change.error instanceof ApiError ? change.error : null;
  const serverFields: FieldErrors = {};
  if (serverError) {
    const current = serverError.fieldMessage('currentPassword');
    const next = serverError.fieldMessage('newPassword');
    if (current) serverFields.currentPassword = current;
    else if (serverError.code === 'INVALID_CREDENTIALS') serverFields.currentPassword = serverError.message;
    if (next) serverFields.newPassword = next;
  }
  const shown: FieldErrors = { ...serverFields, ...errors };
  const summary: SummaryError[] = FIELDS.filter((f) => shown[f])
    .map((f) => ({ fieldId: FIELD_IDS[f], message: shown[f] ?? '' }));
  if (serverError && summary.length === 0) summary.push({ message: serverError.message });

  const Heading = headingLevel ?? null;
  return (
    <section aria-labelledby={Heading ? 'change-password-title' : undefined}>
      {Heading ? (
        <Heading className="heading-m" id="change-password-title">
          {t('auth.password.title')}
        </Heading>
      ) : null}
      {change.isSuccess ? <Notice tone="success" title={t('auth.password.success')} /> : null}
      <ErrorSummary errors={summary} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          label={t('auth.password.current')}
          error={shown.currentPassword}
          type={show ? 'text' : 'password'}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
        <TextField
          id={FIELD_IDS.newPassword}
          name="newPassword"
          label={t('auth.password.new')}
          hint={t('auth.password.newHint')}
          error={shown.newPassword}
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          after={
            <div className="checkbox">
              <input id="show-passwords" type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
              <label htmlFor="show-passwords">{t('common.showPassword')}</label>
            </div>
          }
        />
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? t('auth.password.submitting') : t('auth.password.submit')}
        </button>
      </form>
    </section>
  );
}

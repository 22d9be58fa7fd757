import { ResetPasswordBody } from '@pantau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { EmployeeDetailDto } from '../../api/types';
import { ErrorSummary } from '../../components/ui/ErrorSummary';
import { TextField } from '../../components/ui/TextField';
import { useResetPassword } from './api';

// No 0/O, 1/l/I: the password is read aloud or copied from a screen by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomPassword(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function ResetPasswordForm({ employee }: { employee: EmployeeDetailDto }) {
  const { t } = useTranslation();
  const reset = useResetPassword(employee.id);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ResetPasswordBody.safeParse({ newPassword: password });
    if (!parsed.success) {
      setError(t('auth.password.newTooShort'));
      return;
    }
    setError(undefined);
    reset.mutate(parsed.data.newPassword, {
      onSuccess: () => {
        setDone(parsed.data.newPassword);
        setPassword('');
      },
    });
  };

  const serverError = reset.error instanceof ApiError ? reset.error : null;
  const fieldError = error ?? serverError?.fieldMessage('newPassword');
  const summary = fieldError
    ? [{ fieldId: 'reset-password', message: fieldError }]
    : serverError
      ? [{ message: serverError.message }]
      : [];

  return (
    <section aria-labelledby="reset-password-title" className="section section--admin">
      <h2 className="heading-m" id="reset-password-title">
        {t('employee.reset.title')}
      </h2>
      <p>{t('employee.reset.intro')}</p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">{t('employee.reset.success', { name: employee.name })}</p>
          <p>
            {t('employee.reset.successPassword')} <code className="secret">{done}</code>
          </p>
          <p>{t('employee.reset.successAdvice')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summary} />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="reset-password"
          name="newPassword"
          label={t('employee.reset.newPassword')}
          hint={t('employee.reset.hint')}
          error={fieldError}
          type="text"
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
          value={password}
          onChange={(ev) => setPassword(ev.target.value)}
        />
        <div className="button-group">
          <button type="button" className="button button--secondary" onClick={() => setPassword(randomPassword())}>
            {t('employee.reset.generate')}
          </button>
          <button type="submit" className="button button--warning" disabled={reset.isPending}>
            {reset.isPending ? t('employee.reset.submitting') : t('employee.reset.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

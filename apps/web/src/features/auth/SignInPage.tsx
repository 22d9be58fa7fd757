import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ui/ErrorSummary';
import { PageHeading } from '../../components/ui/PageHeading';
import { Notice } from '../../components/ui/Status';
import { TextField } from '../../components/ui/TextField';
import { normalizeNipInput } from '../../lib/nip';
import { CHANGE_PASSWORD_PATH } from '../../components/layout/RequireAuth';
import { useMe, useSignIn } from './api';

/** Only same-site paths are followed after sign-in, never a full URL someone put in ?next=. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function hasSignedOutFlag(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'signedOut' in state && state.signedOut === true;
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [nip, setNip] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ nip?: string; password?: string }>({});

  const next = safeNext(params.get('next'));
  if (me.data && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={me.data.mustChangePassword ? CHANGE_PASSWORD_PATH : next} replace />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalizedNip = normalizeNipInput(nip);
    const errors: { nip?: string; password?: string } = {};
    if (!normalizedNip) errors.nip = t('auth.login.nipRequired');
    if (!password) errors.password = t('auth.login.passwordRequired');
    setFieldErrors(errors);
    if (errors.nip || errors.password) return;
    signIn.mutate(
      { nip: normalizedNip, password },
      {
        onSuccess: ({ me: signedIn }) => {
          void navigate(signedIn.mustChangePassword ? CHANGE_PASSWORD_PATH : next, { replace: true });
        },
      },
    );
  };

  const serverError = signIn.error instanceof ApiError ? signIn.error : null;
  const summary: SummaryError[] = [];
  if (fieldErrors.nip) summary.push({ fieldId: 'nip', message: fieldErrors.nip });
  if (fieldErrors.password) summary.push({ fieldId: 'password', message: fieldErrors.password });
  const nipServerMessage = serverError?.fieldMessage('nip');
  const passwordServerMessage = serverError?.fieldMessage('password');
  if (serverError && summary.length === 0) {
    if (nipServerMessage) summary.push({ fieldId: 'nip', message: nipServerMessage });
    if (passwordServerMessage) summary.push({ fieldId: 'password', message: passwordServerMessage });
    if (!nipServerMessage && !passwordServerMessage) summary.push({ message: serverError.message });
  }

  return (
    <div className="narrow">
      {hasSignedOutFlag(location.state) && !signIn.isPending && summary.length === 0 ? (
        <Notice tone="success" title={t('auth.login.signedOut')} />
      ) : null}
      <ErrorSummary
        errors={summary}
        title={serverError && !fieldErrors.nip && !fieldErrors.password ? t('auth.login.failedTitle') : undefined}
      />
      <PageHeading title={t('auth.login.title')} />
      <p className="lead">{t('auth.login.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="nip"
          name="nip"
          label={t('auth.login.nip')}
          hint={t('auth.login.nipHint')}
          error={fieldErrors.nip ?? nipServerMessage}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={nip}
          onChange={(e) => setNip(e.target.value)}
        />
        <TextField
          id="password"
          name="password"
          label={t('auth.login.password')}
          error={fieldErrors.password ?? passwordServerMessage}
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          after={
            <div className="checkbox">
              <input
                id="show-password"
                type="checkbox"
                checked={showPassword}
                onChange={(e) => setShowPassword(e.target.checked)}
              />
              <label htmlFor="show-password">{t('common.showPassword')}</label>
            </div>
          }
        />
        <button type="submit" className="button button--wide" disabled={signIn.isPending}>
          {signIn.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </form>
      <h2 className="heading-m">{t('auth.login.forgotTitle')}</h2>
      <p>{t('auth.login.forgot')}</p>
    </div>
  );
}

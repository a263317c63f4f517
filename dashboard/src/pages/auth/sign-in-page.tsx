// Sign in with email and password; the route the member asked for stays in the hash.
import { useState } from 'preact/hooks';
import { fieldError } from '../../api/errors';
import { useDashboard } from '../../shared/session';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Button, Field, FormError } from '../../ui';
import { AuthLayout } from './auth-layout';
import { formMessage } from '../../shared/form-message';

export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { api, signedIn } = useDashboard();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(t('signIn.title'));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.session.signIn(email.trim(), password));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('signIn.title')} lead={expired ? t('signIn.expired') : t('signIn.lead')}>
      <form class="stack" onSubmit={submit} noValidate>
        <FormError message={formMessage(error, ['email', 'password'], t('signIn.failed'))} />
        <Field label={t('signIn.email')} error={fieldError(error, 'email')}>
          {(p) => <input {...p} class="input" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field label={t('signIn.password')} error={fieldError(error, 'password')}>
          {(p) => <input {...p} class="input" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" variant="primary" busy={busy} class="btn-block">
          {t('signIn.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}

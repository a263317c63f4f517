// #/accept/:token — the link a teammate received: choose a name and password, then you are in.
import { useState } from 'preact/hooks';
import { fieldError } from '../../api/errors';
import { navigate } from '../../shared/router';
import { useDashboard } from '../../shared/session';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Button, Field, FormError } from '../../ui';
import { AuthLayout } from './auth-layout';
import { formMessage } from '../../shared/form-message';

export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { api, signedIn } = useDashboard();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(t('accept.title'));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.team.accept(token, name.trim(), password));
      navigate('/install');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('accept.title')} lead={t('accept.lead')}>
      <form class="stack" onSubmit={submit} noValidate>
        <FormError message={formMessage(error, ['name', 'password'], t('accept.invalid'))} />
        <Field label={t('accept.name')} error={fieldError(error, 'name')}>
          {(p) => <input {...p} class="input" autoComplete="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label={t('accept.password')} hint={t('accept.passwordHint')} error={fieldError(error, 'password')}>
          {(p) => <input {...p} class="input" type="password" autoComplete="new-password" required minLength={10} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" variant="primary" busy={busy} class="btn-block">
          {t('accept.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}

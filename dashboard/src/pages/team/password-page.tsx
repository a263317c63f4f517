// #/team/password — change your own password (PUT /v1/session/password). The server then ends
// your other sessions, and stops printing a generated first-owner password at start.
import { useState } from 'preact/hooks';
import { fieldError } from '../../api/errors';
import { formMessage } from '../../shared/form-message';
import { useApi } from '../../shared/session';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Button, Card, Field, FormError, PageHeader } from '../../ui';

export function PasswordPage() {
  const { t } = useI18n();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  useTitle(t('password.title'));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.session.changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('password.title')} description={t('password.lead')} />
      <Card>
        <form class="stack" onSubmit={submit} noValidate>
          <FormError message={formMessage(error, ['current', 'next'], t('password.failed'))} />
          {done && <p role="status">{t('password.changed')}</p>}
          <Field label={t('password.current')} error={fieldError(error, 'current')}>
            {(p) => <input {...p} class="input" type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />}
          </Field>
          <Field label={t('password.next')} hint={t('accept.passwordHint')} error={fieldError(error, 'next')}>
            {(p) => <input {...p} class="input" type="password" autoComplete="new-password" required minLength={10} value={next} onInput={(e) => setNext(e.currentTarget.value)} />}
          </Field>
          <Button type="submit" variant="primary" busy={busy}>{t('password.submit')}</Button>
        </form>
      </Card>
    </>
  );
}

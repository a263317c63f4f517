// Invite a teammate by email; the answer is a link to send them (Onward sends no email itself).
import { useState } from 'preact/hooks';
import { fieldError } from '../../api/errors';
import type { Role } from '../../api/types';
import { formMessage } from '../../shared/form-message';
import { useApi, useSession } from '../../shared/session';
import { useI18n } from '../../i18n/context';
import { Button, Card, CodeBlock, Field, FormError } from '../../ui';
import { invitableRoles } from './roles';

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { member: me } = useSession();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { invitation } = await api.team.invite(email.trim(), role);
      setLink({ email: email.trim(), url: new URL(invitation.url, window.location.origin).href });
      setEmail('');
      onInvited();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('team.invite.title')} description={t('team.invite.description')}>
      <form class="invite-form" onSubmit={submit} noValidate>
        <Field label={t('team.invite.email')} error={fieldError(error, 'email')}>
          {(p) => <input {...p} class="input" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field label={t('team.invite.role')} error={fieldError(error, 'role')}>
          {(p) => (
            <select {...p} class="input" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {invitableRoles(me).map((r) => (
                <option key={r} value={r}>{t(`role.${r}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" busy={busy}>
          {t('team.invite.submit')}
        </Button>
      </form>
      <FormError message={formMessage(error, ['email', 'role'], t('team.invite.failed'))} />
      {link !== null && (
        <div class="invite-result" role="status">
          <p>{t('team.invite.created', { email: link.email })}</p>
          <CodeBlock label={t('team.invite.link')} code={link.url} />
        </div>
      )}
    </Card>
  );
}

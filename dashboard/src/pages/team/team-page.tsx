// Team: who can sign in to this workspace, pending invitations, invite, revoke and remove.
import { useState } from 'preact/hooks';
import type { Invitation, Member, Team } from '../../api/types';
import { Loaded } from '../../shared/loaded';
import { useApi, useSession } from '../../shared/session';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Badge, Button, Card, FormError, PageHeader, Table, type Column } from '../../ui';
import { InviteForm } from './invite-form';
import { canManage, canRemove } from './roles';

export function TeamPage() {
  const { t } = useI18n();
  const api = useApi();
  const { member: me } = useSession();
  useTitle(t('team.title'));
  const team = useResource(() => api.team.read(), []);
  return (
    <>
      <PageHeader title={t('team.title')} description={canManage(me) ? t('team.description') : t('team.readOnly')} />
      <div class="stack-lg">
        {canManage(me) && <InviteForm onInvited={team.reload} />}
        <Loaded resource={team}>{(data) => <TeamLists team={data} onChanged={team.reload} />}</Loaded>
      </div>
    </>
  );
}

/** Runs one removal at a time, remembering which row is busy and the API's message if it fails. */
function useRemoval(onChanged: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const run = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}

function TeamLists({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const { t, format } = useI18n();
  const api = useApi();
  const { member: me } = useSession();
  const removal = useRemoval(onChanged);
  const nameOf = (m: Member) => m.name || m.email;

  const memberColumns: Column<Member>[] = [
    { key: 'name', header: t('team.name'), cell: (m) => <span class="strong">{nameOf(m)}{m.id === me.id && <> <Badge>{t('team.you')}</Badge></>}</span> },
    { key: 'email', header: t('team.email'), cell: (m) => m.email },
    { key: 'role', header: t('team.role'), cell: (m) => <Badge tone={m.role === 'owner' ? 'brand' : 'neutral'}>{t(`role.${m.role}`)}</Badge> },
    { key: 'since', header: t('team.since'), cell: (m) => format.date(m.createdAt) },
    {
      key: 'actions',
      header: <span class="sr-only">{t('common.actions')}</span>,
      align: 'end',
      cell: (m) =>
        canRemove(me, m) && (
          <Button
            size="sm"
            variant="danger"
            busy={removal.busy === m.id}
            onClick={() => window.confirm(t('team.removeConfirm', { name: nameOf(m) })) && void removal.run(m.id, () => api.team.remove(m.id))}
          >
            {t('team.remove')}
            <span class="sr-only"> {nameOf(m)}</span>
          </Button>
        ),
    },
  ];
  const invitationColumns: Column<Invitation>[] = [
    { key: 'email', header: t('team.email'), cell: (i) => <span class="strong">{i.email}</span> },
    { key: 'role', header: t('team.role'), cell: (i) => <Badge>{t(`role.${i.role}`)}</Badge> },
    { key: 'expires', header: t('team.expiresAt'), cell: (i) => <span title={format.dateTime(i.expiresAt)}>{format.ago(i.expiresAt)}</span> },
    {
      key: 'actions',
      header: <span class="sr-only">{t('common.actions')}</span>,
      align: 'end',
      cell: (i) =>
        canManage(me) && (
          <Button size="sm" variant="ghost" busy={removal.busy === i.id} onClick={() => void removal.run(i.id, () => api.team.revoke(i.id))}>
            {t('team.revoke')}
            <span class="sr-only"> {i.email}</span>
          </Button>
        ),
    },
  ];

  return (
    <>
      <FormError message={removal.error} />
      <Card title={t('team.members', { count: team.members.length })}>
        <Table caption={t('team.title')} columns={memberColumns} rows={team.members} rowKey={(m) => m.id} />
      </Card>
      {team.invitations.length > 0 && (
        <Card title={t('team.pending')}>
          <Table caption={t('team.pending')} columns={invitationColumns} rows={team.invitations} rowKey={(i) => i.id} />
        </Card>
      )}
    </>
  );
}

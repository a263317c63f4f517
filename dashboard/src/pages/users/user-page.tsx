// One user (GET /v1/users/:id): start, time-to-value, activation, last seen, dormancy, their
// account, the flows they met and the activity timeline of the last 30 days.
import type { UserDetail, UserFlow } from '../../api/types';
import { Loaded } from '../../shared/loaded';
import { href, pathTo } from '../../shared/router';
import { useApi } from '../../shared/session';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Badge, Card, Meter, PageHeader, Stat, StatGrid, Table, Tabs, TraitList, type Column, type Tone } from '../../ui';
import { StageBadge } from '../accounts/account-flags';
import { ActivityTimeline } from './activity-timeline';

const FLOW_TONES: Record<string, Tone> = { completed: 'success', dismissed: 'neutral', started: 'info' };

export function UserPage({ id }: { id: string }) {
  const api = useApi();
  useTitle(id);
  const user = useResource(() => api.users.read(id), [id]);
  return <Loaded resource={user}>{(u) => <UserView user={u} />}</Loaded>;
}

function UserView({ user: u }: { user: UserDetail }) {
  const { t, format } = useI18n();
  const name = typeof u.traits.name === 'string' ? u.traits.name : null;
  const email = typeof u.traits.email === 'string' ? u.traits.email : null;
  const flowColumns: Column<UserFlow>[] = [
    { key: 'flow', header: t('user.flow'), cell: (f) => <span class="strong">{f.flowId}</span> },
    { key: 'version', header: t('user.version'), align: 'end', cell: (f) => `v${f.version}` },
    { key: 'status', header: t('user.flowStatus'), cell: (f) => <Badge tone={f.heldOutAt !== null ? 'warning' : (FLOW_TONES[f.status] ?? 'neutral')}>{f.heldOutAt !== null ? t('user.heldOut') : f.status}</Badge> },
    { key: 'step', header: t('user.step'), align: 'end', cell: (f) => format.number(f.stepIndex + 1) },
    { key: 'at', header: t('user.lastChange'), cell: (f) => <span title={format.dateTime(f.at)}>{format.ago(f.at)}</span> },
  ];

  return (
    <>
      <PageHeader
        back={<a href={href('/users')}>← {t('users.title')}</a>}
        title={name ?? u.id}
        description={
          <span class="badges">
            {name !== null && <span class="muted">{u.id}</span>}
            {email !== null && <span class="muted">{email}</span>}
            {u.anonymous && <Badge>{t('user.anonymous')}</Badge>}
            {u.activated ? <Badge tone="success">{t('users.activated')}</Badge> : <Badge>{t('user.notActivated')}</Badge>}
            {u.dormant ? <Badge tone="warning">{t('users.dormant')}</Badge> : <Badge tone="success">{t('users.active')}</Badge>}
          </span>
        }
      />
      <div class="stack-lg">
        <Card>
          <StatGrid>
            <Stat label={t('user.start')} value={format.date(u.start)} hint={format.ago(u.start)} />
            <Stat label={t('user.ttv')} value={format.duration(u.ttvMs)} hint={u.valueAt === null ? t('user.noValueYet') : t('user.valueAt', { when: format.dateTime(u.valueAt) })} />
            <Stat label={t('user.activation')} value={u.activated ? t('common.yes') : t('common.no')} />
            <Stat label={t('users.lastSeen')} value={format.ago(u.lastSeen)} hint={format.dateTime(u.lastSeen)} />
            <Stat label={t('users.status')} value={u.dormant ? t('users.dormant') : t('users.active')} hint={t('user.dormantRule', { days: u.dormantAfterDays })} />
          </StatGrid>
        </Card>
        {u.account !== null && (
          <Card title={t('user.account')}>
            <div class="account-line">
              <a class="strong" href={href(pathTo('/accounts', u.account.id))}>{u.account.name ?? u.account.id}</a>
              {u.account.segment !== null && <Badge tone="brand">{u.account.segment}</Badge>}
              <StageBadge stage={u.account.stage} />
              {u.account.health !== null && <Meter value={u.account.health} label={t('accounts.health')} />}
            </div>
          </Card>
        )}
        <Card>
          <Tabs
            label={t('user.sections')}
            tabs={[
              { id: 'timeline', label: t('user.timeline'), render: () => <ActivityTimeline user={u} /> },
              {
                id: 'flows',
                label: t('user.flows', { count: u.flows.length }),
                render: () => <Table caption={t('user.flowsCaption')} columns={flowColumns} rows={u.flows} rowKey={(f) => f.flowId} empty={<p class="muted">{t('user.noFlows')}</p>} />,
              },
              { id: 'traits', label: t('user.traits'), render: () => <TraitList traits={u.traits} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}

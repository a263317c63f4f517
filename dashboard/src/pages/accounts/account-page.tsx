// One account: health and why, the results so far (what a CSM presents at renewal), its users
// and traits (GET /v1/accounts/:id).
import type { AccountDetail } from '../../api/types';
import { Loaded } from '../../shared/loaded';
import { href, pathTo } from '../../shared/router';
import { useApi } from '../../shared/session';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Badge, Card, Meter, PageHeader, Stat, StatGrid, Table, TraitList, type Column } from '../../ui';
import { AccountFlags, Seats, StageBadge } from './account-flags';
import { HealthComponents } from './health-components';

type AccountUser = AccountDetail['users'][number];

export function AccountPage({ id }: { id: string }) {
  const api = useApi();
  const account = useResource(() => api.accounts.read(id), [id]);
  useTitle(account.data?.name ?? id);
  return <Loaded resource={account}>{(a) => <AccountView account={a} />}</Loaded>;
}

function AccountView({ account: a }: { account: AccountDetail }) {
  const { t, format } = useI18n();
  const r = a.results;
  const columns: Column<AccountUser>[] = [
    { key: 'id', header: t('users.user'), cell: (u) => <a href={href(pathTo('/users', u.id))}>{u.id}</a> },
    { key: 'lastSeen', header: t('users.lastSeen'), cell: (u) => <span title={format.dateTime(u.lastSeen)}>{format.ago(u.lastSeen)}</span> },
    { key: 'activated', header: t('users.activated'), cell: (u) => (u.activated ? <Badge tone="success">{t('common.yes')}</Badge> : <span class="muted">{t('common.no')}</span>) },
    { key: 'dormant', header: t('users.status'), cell: (u) => (u.dormant ? <Badge tone="warning">{t('users.dormant')}</Badge> : <Badge tone="success">{t('users.active')}</Badge>) },
  ];
  return (
    <>
      <PageHeader
        back={<a href={href('/accounts')}>← {t('accounts.title')}</a>}
        title={a.name ?? a.id}
        description={
          <span class="badges">
            <span class="muted">{a.id}</span>
            {a.segment !== null && <Badge tone="brand">{a.segment}</Badge>}
            <StageBadge stage={a.stage} />
            <AccountFlags account={a} />
          </span>
        }
      />
      <div class="stack-lg">
        <Card title={t('account.results')} description={t('account.resultsHint')}>
          <StatGrid>
            <Stat label={t('account.onboarded')} value={`${format.number(r.usersOnboarded)} / ${format.number(r.users)}`} hint={t('account.onboardedHint')} />
            <Stat label={t('account.activationRate')} value={format.percent(r.activationRate)} hint={t('account.activationHint', { activated: r.activated, mature: r.mature })} />
            <Stat label={t('account.medianTtv')} value={format.duration(r.medianTtvMs)} />
            <Stat label={t('account.nps')} value={r.nps === null ? '—' : format.number(r.nps)} hint={t('account.respondents', { count: r.respondents })} />
            <Stat label={t('accounts.activeSeats')} value={<Seats account={{ ...a, users: r.users }} />} />
            <Stat label={t('accounts.mrr')} value={format.number(a.mrr)} />
          </StatGrid>
        </Card>
        <Card title={t('account.health')} actions={<Meter value={a.health} label={t('accounts.health')} />}>
          <HealthComponents components={a.components} />
        </Card>
        <Card title={t('account.users', { count: a.users.length })} description={a.usersTruncated ? t('account.usersTruncated') : undefined}>
          <Table caption={t('account.usersCaption')} columns={columns} rows={a.users} rowKey={(u) => u.id} empty={<p class="muted">{t('account.noUsers')}</p>} />
        </Card>
        <Card title={t('account.traits')}>
          <TraitList traits={a.traits} />
        </Card>
      </div>
    </>
  );
}

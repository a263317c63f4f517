// Users: go straight to a user by id, or browse them (GET /v1/users) filtered by activation,
// dormancy, segment and account. Analytics links here with those filters in the hash query
// (#/users?segment=SMB&activated=true), so a figure opens the users behind it.
import { useState } from 'preact/hooks';
import type { UserQuery } from '../../api/admin';
import type { UserItem } from '../../api/types';
import { href, navigate, pathTo } from '../../app/router';
import { useApi } from '../../app/session';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { useI18n } from '../../i18n/context';
import { Badge, Button, Card, EmptyState, ErrorState, Field, IconSearch, PageHeader, Spinner, Table, type Column } from '../../ui';

const PAGE = 50;
const text = (v: unknown) => (typeof v === 'string' ? v : null);
type Filters = Pick<UserQuery, 'activated' | 'dormant' | 'segment' | 'account'>;

/** The filters a link put in the hash query. */
export function filtersFromHash(hash: string): Filters {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const flag = (name: string) => (params.get(name) === 'true' ? true : params.get(name) === 'false' ? false : undefined);
  const filters: Filters = {};
  const activated = flag('activated');
  const dormant = flag('dormant');
  if (activated !== undefined) filters.activated = activated;
  if (dormant !== undefined) filters.dormant = dormant;
  const segment = params.get('segment');
  const account = params.get('account');
  if (segment !== null && segment !== '') filters.segment = segment;
  if (account !== null && account !== '') filters.account = account;
  return filters;
}

export function UsersPage() {
  const { t, format } = useI18n();
  const api = useApi();
  useTitle(t('users.title'));
  const [id, setId] = useState('');
  const [filters, setFilters] = useState<Filters>(() => filtersFromHash(window.location.hash));
  const [limit, setLimit] = useState(PAGE);
  const list = useResource((signal) => api.users.list({ ...filters, limit }, signal), [filters, limit]);

  const columns: Column<UserItem>[] = [
    {
      key: 'id',
      header: t('users.user'),
      cell: (u) => (
        <a class="row-link" href={href(pathTo('/users', u.id))}>
          <span class="strong">{text(u.name) ?? u.id}</span>
          <span class="muted small">{text(u.email) ?? (text(u.name) !== null ? u.id : '')}</span>
        </a>
      ),
    },
    { key: 'account', header: t('users.account'), cell: (u) => (u.accountId === null ? <span class="muted">—</span> : <a href={href(pathTo('/accounts', u.accountId))}>{u.accountId}</a>) },
    { key: 'start', header: t('user.start'), cell: (u) => format.date(u.start) },
    { key: 'ttv', header: t('user.ttv'), align: 'end', cell: (u) => format.duration(u.ttvMs) },
    { key: 'lastSeen', header: t('users.lastSeen'), cell: (u) => <span title={format.dateTime(u.lastSeen)}>{format.ago(u.lastSeen)}</span> },
    {
      key: 'status',
      header: t('users.status'),
      cell: (u) => (
        <span class="badges">
          {u.activated && <Badge tone="success">{t('users.activated')}</Badge>}
          {u.dormant && <Badge tone="warning">{t('users.dormant')}</Badge>}
        </span>
      ),
    },
  ];

  const choice = (value: boolean | undefined) => (value === undefined ? '' : String(value));
  const parse = (value: string) => (value === '' ? undefined : value === 'true');

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <div class="stack-lg">
        <Card title={t('users.find')}>
          <form
            class="inline-form"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              if (id.trim() !== '') navigate(pathTo('/users', id.trim()));
            }}
          >
            <Field label={t('users.userId')} class="grow">
              {(p) => <input {...p} class="input" value={id} placeholder="user_42" onInput={(e) => setId(e.currentTarget.value)} />}
            </Field>
            <Button type="submit" variant="primary" icon={<IconSearch />}>{t('users.open')}</Button>
          </form>
        </Card>
        <Card title={t('users.browse')}>
          <div class="filters">
            <Field label={t('users.activated')}>
              {(p) => (
                <select {...p} class="input" value={choice(filters.activated)} onChange={(e) => { setFilters({ ...filters, activated: parse(e.currentTarget.value) }); setLimit(PAGE); }}>
                  <option value="">{t('accounts.any')}</option>
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </select>
              )}
            </Field>
            <Field label={t('users.dormant')}>
              {(p) => (
                <select {...p} class="input" value={choice(filters.dormant)} onChange={(e) => { setFilters({ ...filters, dormant: parse(e.currentTarget.value) }); setLimit(PAGE); }}>
                  <option value="">{t('accounts.any')}</option>
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </select>
              )}
            </Field>
          </div>
          {(filters.segment !== undefined || filters.account !== undefined) && (
            <p class="badges">
              {filters.segment !== undefined && <Badge>{t('users.inSegment', { segment: filters.segment })}</Badge>}
              {filters.account !== undefined && <Badge>{t('users.inAccount', { account: filters.account })}</Badge>}
              <Button onClick={() => { setFilters({ activated: filters.activated, dormant: filters.dormant }); setLimit(PAGE); }}>{t('users.clearFilters')}</Button>
            </p>
          )}
          {list.status === 'loading' ? (
            <Spinner />
          ) : list.status === 'error' ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table
                caption={t('users.title')}
                columns={columns}
                rows={list.data.users}
                rowKey={(u) => u.id}
                empty={<EmptyState title={t('users.empty')}><p>{t('users.emptyHint')}</p></EmptyState>}
              />
              {list.data.nextCursor !== null && (
                <div class="load-more">
                  <Button onClick={() => setLimit((l) => Math.min(1000, l + PAGE))}>{t('common.loadMore')}</Button>
                </div>
              )}
            </>
          )}
        </Card>
      </div>
    </>
  );
}

// Users: go straight to a user by id, or browse them (GET /v1/users) filtered by activation,
// dormancy, segment and account. Analytics links here with filters in the hash query
// (#/users?segment=SMB&startFrom=…&retainedWeek=2), so a figure opens the users behind it.
import { useState } from 'preact/hooks';
import type { UserFilters } from '../../api/admin';
import type { UserItem } from '../../api/types';
import { href, navigate, pathTo } from '../../shared/router';
import { useApi } from '../../shared/session';
import { usePages } from '../../shared/use-pages';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Badge, Button, Card, EmptyState, ErrorState, Field, IconSearch, LoadMore, PageHeader, Spinner, Table, type Column } from '../../ui';

const PAGE = 50;
const text = (v: unknown) => (typeof v === 'string' ? v : null);

const FLAGS = ['activated', 'dormant', 'reached'] as const;
const TEXTS = ['segment', 'account'] as const;
const NUMBERS = ['startFrom', 'startTo', 'ttvFromMs', 'ttvToMs', 'retainedWeek', 'returnedFrom', 'returnedTo'] as const;

/** The filters a link put in the hash query; anything malformed is left out. */
export function filtersFromHash(hash: string): UserFilters {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const filters: UserFilters = {};
  for (const name of FLAGS) {
    const v = params.get(name);
    if (v === 'true' || v === 'false') filters[name] = v === 'true';
  }
  for (const name of TEXTS) {
    const v = params.get(name);
    if (v !== null && v !== '') filters[name] = v;
  }
  for (const name of NUMBERS) {
    const v = params.get(name);
    if (v !== null && /^\d+$/.test(v)) filters[name] = Number(v);
  }
  return filters;
}

export function UsersPage() {
  const { t, format } = useI18n();
  const api = useApi();
  useTitle(t('users.title'));
  const [id, setId] = useState('');
  const [filters, setFilters] = useState<UserFilters>(() => filtersFromHash(window.location.hash));
  const list = usePages((cursor, signal) => api.users.list({ ...filters, limit: PAGE, cursor }, signal), [filters]);

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
                <select {...p} class="input" value={choice(filters.activated)} onChange={(e) => { setFilters({ ...filters, activated: parse(e.currentTarget.value) }) }}>
                  <option value="">{t('accounts.any')}</option>
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </select>
              )}
            </Field>
            <Field label={t('users.dormant')}>
              {(p) => (
                <select {...p} class="input" value={choice(filters.dormant)} onChange={(e) => { setFilters({ ...filters, dormant: parse(e.currentTarget.value) }) }}>
                  <option value="">{t('accounts.any')}</option>
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </select>
              )}
            </Field>
          </div>
          <FigureFilters filters={filters} onClear={() => { setFilters({ activated: filters.activated, dormant: filters.dormant }) }} />
          {list.first.status === 'loading' ? (
            <Spinner />
          ) : list.first.status === 'error' ? (
            <ErrorState error={list.first.error} onRetry={list.first.reload} />
          ) : (
            <>
              <Table
                caption={t('users.title')}
                columns={columns}
                rows={list.pages.flatMap((p) => p.users)}
                rowKey={(u) => u.id}
                empty={<EmptyState title={t('users.empty')}><p>{t('users.emptyHint')}</p></EmptyState>}
              />
              {list.hasMore && <LoadMore {...list.more} onLoad={list.loadMore} />}
            </>
          )}
        </Card>
      </div>
    </>
  );
}

/** The filters a link from Analytics set (not the selects above), each as a badge, and a way to drop them. */
function FigureFilters({ filters: f, onClear }: { filters: UserFilters; onClear: () => void }) {
  const { t, format } = useI18n();
  const range = (from: number | undefined, to: number | undefined) => `${from === undefined ? '…' : format.date(from)} – ${to === undefined ? '…' : format.date(to)}`;
  const badges = [
    f.segment !== undefined && t('users.inSegment', { segment: f.segment }),
    f.account !== undefined && t('users.inAccount', { account: f.account }),
    (f.startFrom !== undefined || f.startTo !== undefined) && t('users.startedIn', { range: range(f.startFrom, f.startTo) }),
    f.reached !== undefined && (f.reached ? t('users.reachedValue') : t('users.notReachedValue')),
    (f.ttvFromMs !== undefined || f.ttvToMs !== undefined) &&
      t('users.ttvIn', { range: `${format.duration(f.ttvFromMs ?? 0)} – ${f.ttvToMs === undefined ? '…' : format.duration(f.ttvToMs)}` }),
    f.retainedWeek !== undefined && t('users.activeInWeek', { k: f.retainedWeek }),
    (f.returnedFrom !== undefined || f.returnedTo !== undefined) && t('users.returnedIn', { range: range(f.returnedFrom, f.returnedTo) }),
  ].filter((b): b is string => typeof b === 'string');
  if (badges.length === 0) return null;
  return (
    <p class="badges">
      {badges.map((b) => <Badge key={b}>{b}</Badge>)}
      <Button onClick={onClear}>{t('users.clearFilters')}</Button>
    </p>
  );
}

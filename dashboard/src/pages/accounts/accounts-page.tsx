// Accounts: every account with its health, segment, stage, seats and flags; filtered and sorted
// by the API (GET /v1/accounts), riskiest first by default.
import type { Stage } from '@onward/server/contracts';
import { useEffect, useState } from 'preact/hooks';
import type { AccountQuery } from '../../api/admin';
import type { AccountItem, AccountSort, RiskFlag } from '../../api/types';
import { href, pathTo } from '../../shared/router';
import { useApi } from '../../shared/session';
import { usePages } from '../../shared/use-pages';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Card, EmptyState, ErrorState, Field, LoadMore, Meter, PageHeader, Spinner, Table, type Column, type SortOrder } from '../../ui';
import { AccountFlags, Seats, StageBadge } from './account-flags';
import { RISK_LABELS, STAGE_LABELS } from './labels';

const PAGE = 50;
const SEARCH_DELAY_MS = 250;
/** The API's own default order for each sort key (names A→Z, health riskiest first, counts highest first). */
const defaultOrder = (key: AccountSort): SortOrder => (key === 'name' || key === 'health' ? 'asc' : 'desc');

export function AccountsPage() {
  const { t, format } = useI18n();
  const api = useApi();
  useTitle(t('accounts.title'));
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  // Analytics links here with a segment in the hash query (#/accounts?segment=SMB).
  const [filters, setFilters] = useState<Pick<AccountQuery, 'segment' | 'stage' | 'risk' | 'expansion'>>(() => {
    const segment = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('segment');
    return segment === null || segment === '' ? {} : { segment };
  });
  const [sort, setSort] = useState<{ key: AccountSort; order: SortOrder }>({ key: 'health', order: 'asc' });
  const segments = useResource(() => api.settings.read().then((s) => s.segments.map((r) => r.name)), []);
  const list = usePages((cursor, signal) => api.accounts.list({ ...filters, q, sort: sort.key, order: sort.order, limit: PAGE, cursor }, signal), [filters, q, sort]);

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const accounts = list.pages.flatMap((p) => p.accounts);
  const filter = (patch: typeof filters) => setFilters((f) => ({ ...f, ...patch }));
  const onSort = (key: string) => {
    const k = key as AccountSort;
    setSort((s) => (s.key === k ? { key: k, order: s.order === 'asc' ? 'desc' : 'asc' } : { key: k, order: defaultOrder(k) }));
  };

  const columns: Column<AccountItem>[] = [
    {
      key: 'name',
      header: t('accounts.account'),
      sortable: true,
      cell: (a) => (
        <a class="row-link" href={href(pathTo('/accounts', a.id))}>
          <span class="strong">{a.name ?? a.id}</span>
          {a.name !== null && <span class="muted small">{a.id}</span>}
        </a>
      ),
    },
    { key: 'health', header: t('accounts.health'), sortable: true, cell: (a) => <Meter value={a.health} label={t('accounts.healthOf', { name: a.name ?? a.id })} /> },
    { key: 'segment', header: t('accounts.segment'), cell: (a) => a.segment ?? <span class="muted">—</span> },
    { key: 'stage', header: t('accounts.stage'), cell: (a) => <StageBadge stage={a.stage} /> },
    { key: 'activeUsers', header: t('accounts.activeSeats'), sortable: true, align: 'end', cell: (a) => <Seats account={a} /> },
    { key: 'mrr', header: t('accounts.mrr'), sortable: true, align: 'end', cell: (a) => format.number(a.mrr) },
    { key: 'flags', header: t('accounts.flags'), cell: (a) => <AccountFlags account={a} /> },
  ];

  return (
    <>
      <PageHeader title={t('accounts.title')} description={t('accounts.description')} />
      <Card>
        <div class="filters" role="search">
          <Field label={t('accounts.search')}>
            {(p) => <input {...p} class="input" type="search" value={search} placeholder={t('accounts.searchPlaceholder')} onInput={(e) => setSearch(e.currentTarget.value)} />}
          </Field>
          <Field label={t('accounts.segment')}>
            {(p) => (
              <select {...p} class="input" value={filters.segment ?? ''} onChange={(e) => filter({ segment: e.currentTarget.value || undefined })}>
                <option value="">{t('accounts.any')}</option>
                {(segments.data ?? []).map((name) => <option key={name} value={name}>{name}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('accounts.stage')}>
            {(p) => (
              <select {...p} class="input" value={filters.stage ?? ''} onChange={(e) => filter({ stage: e.currentTarget.value || undefined })}>
                <option value="">{t('accounts.any')}</option>
                {(Object.keys(STAGE_LABELS) as Stage[]).map((s) => <option key={s} value={s}>{t(STAGE_LABELS[s])}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('accounts.risk')}>
            {(p) => (
              <select {...p} class="input" value={filters.risk ?? ''} onChange={(e) => filter({ risk: e.currentTarget.value || undefined })}>
                <option value="">{t('accounts.any')}</option>
                {(Object.keys(RISK_LABELS) as RiskFlag[]).map((r) => <option key={r} value={r}>{t(RISK_LABELS[r])}</option>)}
              </select>
            )}
          </Field>
          <label class="checkbox filters-check">
            <input type="checkbox" checked={filters.expansion === true} onChange={(e) => filter({ expansion: e.currentTarget.checked || undefined })} />
            <span>{t('accounts.expansionOnly')}</span>
          </label>
        </div>
        {list.first.status === 'loading' ? (
          <Spinner />
        ) : list.first.status === 'error' ? (
          <ErrorState error={list.first.error} onRetry={list.first.reload} />
        ) : (
          <>
            <p class="muted small" role="status">{t('accounts.count', { shown: format.number(accounts.length), total: format.number(list.first.data.total) })}</p>
            <Table
              caption={t('accounts.title')}
              columns={columns}
              rows={accounts}
              rowKey={(a) => a.id}
              sort={sort}
              onSort={onSort}
              empty={<EmptyState title={t('accounts.empty')}><p>{t('accounts.emptyHint')}</p></EmptyState>}
            />
            {list.hasMore && <LoadMore {...list.more} onLoad={list.loadMore} />}
          </>
        )}
      </Card>
    </>
  );
}

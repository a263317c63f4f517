import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';

const AccountsPage = lazyPage(() => import('./accounts-page').then((m) => m.AccountsPage));
const AccountPage = lazyPage(() => import('./account-page').then((m) => m.AccountPage));

export const accountRoutes: RouteDef[] = [
  { pattern: '/accounts', render: () => <AccountsPage /> },
  { pattern: '/accounts/:id', render: (p) => <AccountPage id={p.id ?? ''} /> },
];

import { lazyPage } from '../../app/lazy-page';
import type { RouteDef } from '../../app/route';

const AccountsPage = lazyPage(() => import('./accounts-page').then((m) => m.AccountsPage));
const AccountPage = lazyPage(() => import('./account-page').then((m) => m.AccountPage));

export const accountRoutes: RouteDef[] = [
  { pattern: '/accounts', render: () => <AccountsPage /> },
  { pattern: '/accounts/:id', render: (p) => <AccountPage id={p.id ?? ''} /> },
];

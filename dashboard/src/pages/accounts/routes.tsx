import type { RouteDef } from '../../app/route';
import { AccountPage } from './account-page';
import { AccountsPage } from './accounts-page';

export const accountRoutes: RouteDef[] = [
  { pattern: '/accounts', render: () => <AccountsPage /> },
  { pattern: '/accounts/:id', render: (p) => <AccountPage id={p.id ?? ''} /> },
];

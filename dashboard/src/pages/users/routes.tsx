import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';

const UsersPage = lazyPage(() => import('./users-page').then((m) => m.UsersPage));
const UserPage = lazyPage(() => import('./user-page').then((m) => m.UserPage));

export const userRoutes: RouteDef[] = [
  { pattern: '/users', render: () => <UsersPage /> },
  { pattern: '/users/:id', render: (p) => <UserPage id={p.id ?? ''} /> },
];

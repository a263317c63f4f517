import type { RouteDef } from '../../app/route';
import { UserPage } from './user-page';
import { UsersPage } from './users-page';

export const userRoutes: RouteDef[] = [
  { pattern: '/users', render: () => <UsersPage /> },
  { pattern: '/users/:id', render: (p) => <UserPage id={p.id ?? ''} /> },
];

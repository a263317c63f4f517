import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';

const TeamPage = lazyPage(() => import('./team-page').then((m) => m.TeamPage));
const PasswordPage = lazyPage(() => import('./password-page').then((m) => m.PasswordPage));

export const teamRoutes: RouteDef[] = [
  { pattern: '/team', render: () => <TeamPage /> },
  { pattern: '/team/password', render: () => <PasswordPage /> },
];

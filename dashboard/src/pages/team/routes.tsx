import type { RouteDef } from '../../app/route';
import { PasswordPage } from './password-page';
import { TeamPage } from './team-page';

export const teamRoutes: RouteDef[] = [
  { pattern: '/team', render: () => <TeamPage /> },
  { pattern: '/team/password', render: () => <PasswordPage /> },
];

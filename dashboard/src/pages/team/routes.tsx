import type { RouteDef } from '../../app/route';
import { TeamPage } from './team-page';

export const teamRoutes: RouteDef[] = [{ pattern: '/team', render: () => <TeamPage /> }];

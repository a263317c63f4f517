// Every route of the signed-in app, gathered from the areas; each area owns its own list.
import { accountRoutes } from '../pages/accounts/routes';
import { analyticsRoutes } from '../pages/analytics/routes';
import { flowRoutes } from '../pages/flows/routes';
import { installRoutes } from '../pages/install/routes';
import { settingsRoutes } from '../pages/settings/routes';
import { teamRoutes } from '../pages/team/routes';
import { userRoutes } from '../pages/users/routes';
import type { RouteDef } from '../shared/route';
import { matchPath, type Params } from '../shared/router';

/** Where `/` lands. */
export const HOME = '/flows';

export const ROUTES: readonly RouteDef[] = [
  ...flowRoutes,
  ...analyticsRoutes,
  ...accountRoutes,
  ...userRoutes,
  ...installRoutes,
  ...settingsRoutes,
  ...teamRoutes,
];

export function findRoute(path: string, routes: readonly RouteDef[] = ROUTES): { route: RouteDef; params: Params } | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params !== null) return { route, params };
  }
  return null;
}

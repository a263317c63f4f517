// The Analytics area's routes; each view (and its drill-downs) is added here.
import type { RouteDef } from '../../app/route';
import { AnalyticsPage } from './analytics-page';

export const analyticsRoutes: RouteDef[] = [{ pattern: '/analytics', render: () => <AnalyticsPage /> }];

// The Analytics area's routes; each view (and its drill-downs) is added here. The charts (uPlot)
// load with the page.
import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';
import type { AnalyticsPageProps } from './analytics-page';

const AnalyticsPage = lazyPage<AnalyticsPageProps>(() => import('./analytics-page').then((m) => m.AnalyticsPage));

export const analyticsRoutes: RouteDef[] = [{ pattern: '/analytics', render: () => <AnalyticsPage /> }];

import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';

const SettingsPage = lazyPage(() => import('./settings-page').then((m) => m.SettingsPage));
const WebhooksPage = lazyPage(() => import('./webhooks-page').then((m) => m.WebhooksPage));

export const settingsRoutes: RouteDef[] = [
  { pattern: '/settings', render: () => <SettingsPage /> },
  { pattern: '/settings/webhooks', render: () => <WebhooksPage /> },
];

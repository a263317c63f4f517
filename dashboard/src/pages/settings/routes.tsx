import type { RouteDef } from '../../app/route';
import { SettingsPage } from './settings-page';
import { WebhooksPage } from './webhooks-page';

export const settingsRoutes: RouteDef[] = [
  { pattern: '/settings', render: () => <SettingsPage /> },
  { pattern: '/settings/webhooks', render: () => <WebhooksPage /> },
];

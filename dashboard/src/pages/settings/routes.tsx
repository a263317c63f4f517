import type { RouteDef } from '../../app/route';
import { SettingsPage } from './settings-page';

export const settingsRoutes: RouteDef[] = [{ pattern: '/settings', render: () => <SettingsPage /> }];

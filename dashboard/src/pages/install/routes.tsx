import type { RouteDef } from '../../app/route';
import { InstallPage } from './install-page';

export const installRoutes: RouteDef[] = [{ pattern: '/install', render: () => <InstallPage /> }];

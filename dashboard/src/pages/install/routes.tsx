import { lazyPage } from '../../shared/lazy-page';
import type { RouteDef } from '../../shared/route';

const InstallPage = lazyPage(() => import('./install-page').then((m) => m.InstallPage));

export const installRoutes: RouteDef[] = [{ pattern: '/install', render: () => <InstallPage /> }];

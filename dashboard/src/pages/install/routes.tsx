import { lazyPage } from '../../app/lazy-page';
import type { RouteDef } from '../../app/route';

const InstallPage = lazyPage(() => import('./install-page').then((m) => m.InstallPage));

export const installRoutes: RouteDef[] = [{ pattern: '/install', render: () => <InstallPage /> }];

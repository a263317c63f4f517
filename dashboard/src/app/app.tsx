// The top of the tree: the invitation page (public), the sign-in page when nobody is signed in,
// otherwise the shell around the route's page, keyed by path so each visit starts fresh.
import { useEffect } from 'preact/hooks';
import { AcceptInvitationPage } from '../pages/auth/accept-invitation-page';
import { SignInPage } from '../pages/auth/sign-in-page';
import { NotFoundPage } from '../pages/not-found-page';
import { PageLoading } from '../ui';
import { findRoute, HOME } from './routes';
import { matchPath, navigate, useHashPath } from '../shared/router';
import { useDashboard } from '../shared/session';
import { Shell } from './shell';

export function App() {
  const path = useHashPath();
  const { state } = useDashboard();

  useEffect(() => {
    if (path === '/') navigate(HOME);
  }, [path]);

  const accept = matchPath('/accept/:token', path);
  if (accept !== null) return <AcceptInvitationPage token={accept.token ?? ''} />;
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signed-out') return <SignInPage expired={state.expired} />;

  const found = findRoute(path);
  return (
    <Shell path={path}>
      <div key={path}>{found === null ? path === '/' ? <PageLoading /> : <NotFoundPage /> : found.route.render(found.params)}</div>
    </Shell>
  );
}

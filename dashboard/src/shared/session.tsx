// Who is signed in, and the admin API bound to that session. A 401 from any call signs the
// dashboard out (the sign-in page then shows, and the route is kept for after sign-in).
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { createAdminApi, type AdminApi } from '../api/admin';
import { createClient } from '../api/client';
import type { Session } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; session: Session };

type Dashboard = {
  api: AdminApi;
  state: SessionState;
  /** Stores a session answer (sign-in, invitation accepted). */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
};

const DashboardContext = createContext<Dashboard | null>(null);

export function SessionProvider({ fetch, children }: { fetch?: typeof globalThis.fetch; children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const value = useMemo<Dashboard>(() => {
    const client = createClient({
      fetch,
      onUnauthorized: () => {
        client.setCsrfToken(null);
        setState((s) => ({ status: 'signed-out', expired: s.status === 'signed-in' }));
      },
    });
    const api = createAdminApi(client);
    return {
      api,
      state: { status: 'loading' },
      signedIn(session) {
        client.setCsrfToken(session.csrfToken);
        setState({ status: 'signed-in', session });
      },
      async signOut() {
        try {
          await api.session.signOut();
        } finally {
          client.setCsrfToken(null);
          setState({ status: 'signed-out', expired: false });
        }
      },
    };
  }, [fetch]);

  useEffect(() => {
    value.api.session.read().then(value.signedIn, () => setState((s) => (s.status === 'loading' ? { status: 'signed-out', expired: false } : s)));
  }, [value]);

  return <DashboardContext.Provider value={{ ...value, state }}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (dashboard === null) throw new Error('useDashboard outside <SessionProvider>');
  return dashboard;
}

export const useApi = () => useDashboard().api;

/** The signed-in session; only pages inside the shell call it. */
export function useSession(): Session {
  const { state } = useDashboard();
  if (state.status !== 'signed-in') throw new Error('useSession without a session');
  return state.session;
}

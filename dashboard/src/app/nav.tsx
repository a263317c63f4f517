// The left navigation: one entry per area, the current one marked with aria-current.
import type { FunctionComponent } from 'preact';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/translate';
import { IconAccounts, IconAnalytics, IconFlows, IconInstall, IconSettings, IconTeam, IconUsers } from '../ui';
import { href } from '../shared/router';

type NavEntry = { path: string; label: MessageKey; Icon: FunctionComponent };

export const NAV: readonly NavEntry[] = [
  { path: '/flows', label: 'nav.flows', Icon: IconFlows },
  { path: '/analytics', label: 'nav.analytics', Icon: IconAnalytics },
  { path: '/accounts', label: 'nav.accounts', Icon: IconAccounts },
  { path: '/users', label: 'nav.users', Icon: IconUsers },
  { path: '/install', label: 'nav.install', Icon: IconInstall },
  { path: '/settings', label: 'nav.settings', Icon: IconSettings },
  { path: '/team', label: 'nav.team', Icon: IconTeam },
];

/** `/accounts/acct_7` belongs to the Accounts entry. */
export const isCurrent = (entry: string, path: string) => path === entry || path.startsWith(`${entry}/`);

export function Nav({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <nav class="nav" aria-label={t('nav.label')}>
      <ul>
        {NAV.map(({ path: to, label, Icon }) => (
          <li key={to}>
            <a href={href(to)} class="nav-link" aria-current={isCurrent(to, path) ? 'page' : undefined}>
              <Icon />
              <span>{t(label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

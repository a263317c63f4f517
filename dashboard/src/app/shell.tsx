// The signed-in layout: skip link, left navigation with the workspace, top bar, and <main>, which
// takes focus on every route change so screen readers start at the new page.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { IconLogo, IconMoon, IconSun } from '../ui';
import { MemberMenu } from './member-menu';
import { Nav } from './nav';
import { useSession } from '../shared/session';
import { useTheme } from './theme';

export function Shell({ path, children }: { path: string; children: ComponentChildren }) {
  const { t } = useI18n();
  const { member, workspace } = useSession();
  const { theme, setTheme } = useTheme();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);

  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        {t('shell.skip')}
      </a>
      <aside class="sidebar">
        <div class="brand">
          <IconLogo />
          <div>
            <span class="brand-name">Onward</span>
            <span class="workspace-name" title={t('shell.workspace')}>{workspace.name}</span>
          </div>
        </div>
        <Nav path={path} />
      </aside>
      <div class="frame">
        <header class="topbar">
          <button type="button" class="icon-button" onClick={() => setTheme(dark ? 'light' : 'dark')} aria-label={dark ? t('theme.toLight') : t('theme.toDark')}>
            {dark ? <IconSun /> : <IconMoon />}
          </button>
          <MemberMenu member={member} theme={theme} onTheme={setTheme} />
        </header>
        <main id="main" class="main" ref={main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

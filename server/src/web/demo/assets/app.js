// Acme Analytics: the sample vendor app served at /demo with Onward installed.
// Entry point: sign-in gate, app shell (sidebar + header), and a pushState router under /demo.

import { h, icon, initials, toast } from './dom.js';
import { homeView } from './home.js';
import { getLocale, setLocale, t } from './i18n.js';
import { settingsView, teammatesView } from './people.js';
import { projectView, projectsView, reportsView } from './projects.js';
import { logo, signInView } from './signin.js';
import {
  SEATS,
  defaultLocale,
  findProject,
  getSession,
  getSettings,
  saveSettings,
  signIn,
  signOut,
} from './store.js';
import { identify, reset, track } from './tracking.js';

/**
 * What every page view function receives.
 * @typedef {{
 *   session: NonNullable<ReturnType<typeof getSession>>,
 *   settings: ReturnType<typeof getSettings>,
 *   locale: string,
 *   params: Record<string, string>,
 *   intent: string | null,
 *   go: (path: string, intent?: string) => void,
 *   refresh: (focusSelector?: string) => void,
 *   notify: (message: string, kind?: string) => void,
 *   updateSettings: (next: ReturnType<typeof getSettings>) => void,
 * }} ViewContext
 */

const BASE = '/demo';

const NAV = /** @type {const} */ (['home', 'projects', 'reports', 'teammates', 'settings']);

/** @type {{name: string, nav: typeof NAV[number] | null, pattern: RegExp, view: (ctx: ViewContext) => any}[]} */
const ROUTES = [
  { name: 'home', nav: 'home', pattern: /^\/?$/, view: homeView },
  { name: 'projects', nav: 'projects', pattern: /^\/projects\/?$/, view: projectsView },
  { name: 'project', nav: 'projects', pattern: /^\/projects\/([^/]+)\/?$/, view: projectView },
  { name: 'reports', nav: 'reports', pattern: /^\/reports\/?$/, view: reportsView },
  { name: 'teammates', nav: 'teammates', pattern: /^\/teammates\/?$/, view: teammatesView },
  { name: 'settings', nav: 'settings', pattern: /^\/settings\/?$/, view: settingsView },
];

const NOT_FOUND = { name: 'not-found', nav: null, pattern: /$^/, view: notFoundView };

function resolve(pathname) {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : null;
  for (const route of ROUTES) {
    const m = rest === null ? null : route.pattern.exec(rest);
    if (m) return { route, params: m[1] ? { id: safeDecode(m[1]) } : {} };
  }
  return { route: NOT_FOUND, params: {} };
}

function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function notFoundView() {
  return h(
    'div',
    { class: 'empty' },
    h('h1', { id: 'page-title', tabindex: '-1', testid: 'page-title' }, t('notFound.title')),
    h('p', { class: 'muted' }, t('notFound.body')),
    h('a', { class: 'btn btn-primary', href: BASE }, t('notFound.home')),
  );
}

function createDemoApp(root) {
  let session = getSession();
  let settings = session ? getSettings(session) : null;
  /** @type {{main: HTMLElement, links: Map<string, HTMLElement>} | null} */
  let shell = null;
  /** @type {string | null} */
  let intent = null;
  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

  function applyPreferences() {
    setLocale(settings?.locale ?? defaultLocale());
    const theme = settings?.theme ?? 'light';
    const dark = theme === 'dark' || (theme === 'system' && darkQuery.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }

  function titleFor(pathname) {
    if (!session) return `${t('signin.submit')} · ${t('app.name')}`;
    const { route, params } = resolve(pathname);
    const page =
      route.name === 'project'
        ? (findProject(session, params.id ?? '')?.name ?? t('project.notFound'))
        : route.nav
          ? t(`nav.${route.nav}`)
          : t('notFound.title');
    return `${page} · ${t('app.name')}`;
  }

  /** Title first, then pushState, so the SDK's automatic page view carries the new title. */
  function go(path, nextIntent = null) {
    const url = new URL(path, location.href);
    const changed = url.pathname + url.search !== location.pathname + location.search;
    if (changed) {
      document.title = titleFor(url.pathname);
      history.pushState(null, '', url.pathname + url.search + url.hash);
    }
    intent = nextIntent;
    render({ entered: changed });
  }

  /** @param {{entered?: boolean, initial?: boolean, focus?: string}} opts */
  function render({ entered = false, initial = false, focus } = {}) {
    document.title = titleFor(location.pathname);
    if (!session || !settings) {
      shell = null;
      root.replaceChildren(signInView({ onSubmit: handleSignIn }));
      if (!initial) document.getElementById('page-title')?.focus();
      return;
    }
    if (!shell) shell = buildShell(session, settings);
    const { route, params } = resolve(location.pathname);
    for (const [name, link] of shell.links) {
      if (name === route.nav) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    /** @type {ViewContext} */
    const ctx = {
      session,
      settings,
      locale: getLocale(),
      params,
      intent,
      go,
      refresh: (selector) => render({ focus: selector }),
      notify: (message, kind) => toast(message, kind),
      updateSettings,
    };
    intent = null;
    shell.main.replaceChildren(...[route.view(ctx)].flat());

    if (entered && route.name === 'project') {
      const project = findProject(session, params.id ?? '');
      if (project) track('Project Opened', { projectId: project.id, name: project.name });
    }
    const target = focus ? shell.main.querySelector(focus) : null;
    if (target instanceof HTMLElement) target.focus();
    else if (entered && !initial) {
      window.scrollTo(0, 0);
      document.getElementById('page-title')?.focus({ preventScroll: true });
    }
  }

  function handleSignIn(who) {
    session = signIn(who);
    settings = getSettings(session);
    applyPreferences();
    identify(session, settings);
    track('Signed In', { accountId: session.accountId });
    render({ entered: true });
  }

  function handleSignOut() {
    track('Signed Out');
    reset();
    signOut();
    session = null;
    settings = null;
    applyPreferences();
    go(BASE);
  }

  /** @param {ReturnType<typeof getSettings>} next */
  function updateSettings(next) {
    if (!session || !settings) return;
    const traitsChanged =
      next.displayName !== settings.displayName || next.locale !== settings.locale;
    saveSettings(session, next);
    settings = next;
    applyPreferences();
    if (traitsChanged) identify(session, settings);
    shell = null;
    render({ focus: '[data-testid="settings-submit"]' });
  }

  function buildShell(who, prefs) {
    const links = new Map();
    const navItem = (name) => {
      const link = h(
        'a',
        { id: `nav-${name}`, class: 'nav-link', href: name === 'home' ? BASE : `${BASE}/${name}` },
        icon(name),
        h('span', null, t(`nav.${name}`)),
      );
      links.set(name, link);
      return h('li', null, link);
    };
    const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
    root.replaceChildren(
      h('a', { class: 'skip-link', href: '#main' }, t('skip')),
      h(
        'div',
        { class: 'layout' },
        h(
          'div',
          { class: 'sidebar' },
          h(
            'a',
            { class: 'brand', href: BASE, 'aria-label': t('app.name') },
            logo(),
            h('span', null, t('app.name')),
          ),
          h('nav', { class: 'nav', 'aria-label': t('nav.label') }, h('ul', null, NAV.map(navItem))),
          h(
            'div',
            { class: 'sidebar-footer' },
            h('span', { class: 'plan-badge' }, t('plan.badge', { seats: SEATS })),
            h('span', { class: 'sidebar-company', testid: 'current-company' }, who.company),
          ),
        ),
        h(
          'div',
          { class: 'content' },
          h(
            'header',
            { class: 'topbar' },
            h('p', { class: 'topbar-company' }, who.company),
            h(
              'div',
              {
                class: 'user',
                'aria-label': t('user.label', { name: prefs.displayName }),
                role: 'group',
              },
              h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(prefs.displayName)),
              h(
                'span',
                { class: 'user-text' },
                h('span', { class: 'user-name', testid: 'current-user' }, prefs.displayName),
                h('span', { class: 'user-email' }, who.email),
              ),
              h(
                'button',
                {
                  type: 'button',
                  id: 'signout',
                  class: 'btn btn-ghost btn-small',
                  testid: 'signout',
                  onClick: handleSignOut,
                },
                icon('signout', 16),
                h('span', { class: 'signout-label' }, t('signout')),
              ),
            ),
          ),
          main,
        ),
      ),
    );
    return { main, links };
  }

  /** Same-origin links under /demo navigate client-side; everything else is left to the browser. */
  function interceptLinks(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (
      !(link instanceof HTMLAnchorElement) ||
      (link.target && link.target !== '_self') ||
      link.hasAttribute('download')
    )
      return;
    const url = new URL(link.href);
    if (url.origin !== location.origin) return;
    if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return;
    if (url.pathname.startsWith(`${BASE}/assets/`)) return;
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    go(url.pathname + url.search + url.hash);
  }

  return {
    start() {
      applyPreferences();
      if (session && settings) identify(session, settings);
      document.addEventListener('click', interceptLinks);
      window.addEventListener('popstate', () => {
        intent = null;
        render({ entered: true });
      });
      darkQuery.addEventListener('change', () => applyPreferences());
      render({ entered: true, initial: true });
    },
  };
}

const mount = document.getElementById('app');
if (mount) createDemoApp(mount).start();

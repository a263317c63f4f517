// The dashboard: a few KPIs, a chart, recent projects and recent activity.

import { chart, series } from './charts.js';
import { formatDate, formatNumber, h, icon, pageHeader } from './dom.js';
import { t } from './i18n.js';
import { SEATS, listActivity, listProjects, listReports, listTeammates } from './store.js';

/** @typedef {import('./app.js').ViewContext} ViewContext */

/** @param {ViewContext} ctx */
export function homeView(ctx) {
  const { session, settings, locale } = ctx;
  const projects = listProjects(session);
  const reports = listReports(session);
  const teammates = listTeammates(session);
  const daily = series(session.accountId, 14, 900, 2400);
  const weekly = daily.slice(-7).reduce((a, b) => a + b, 0);
  const delta = Math.max(
    1,
    Math.round((weekly / daily.slice(0, 7).reduce((a, b) => a + b, 0) - 1) * 100),
  );

  const kpi = (label, value, note, testid) =>
    h(
      'div',
      { class: 'card kpi', testid },
      h('p', { class: 'kpi-label' }, label),
      h('p', { class: 'kpi-value' }, value),
      note && h('p', { class: 'kpi-note' }, note),
    );

  return [
    pageHeader({
      title: t('home.greeting', { name: settings.displayName.split(/\s+/)[0] }),
      subtitle: t('home.subtitle', { company: session.company }),
    }),
    h(
      'section',
      { class: 'grid kpis', 'aria-label': 'KPIs' },
      kpi(
        t('home.kpi.events'),
        formatNumber(weekly, locale),
        t('home.delta', { n: delta }),
        'kpi-events',
      ),
      kpi(t('home.kpi.projects'), formatNumber(projects.length, locale), null, 'kpi-projects'),
      kpi(t('home.kpi.reports'), formatNumber(reports.length, locale), null, 'kpi-reports'),
      kpi(t('home.kpi.seats'), `${teammates.length} / ${SEATS}`, null, 'kpi-seats'),
    ),
    h(
      'section',
      { class: 'card chart-card', 'aria-labelledby': 'home-chart-title' },
      h('h2', { id: 'home-chart-title' }, t('home.chart')),
      chart('area', session.accountId, t('home.chart'), 14),
    ),
    h('div', { class: 'grid two' }, recentProjects(ctx, projects), recentActivity(ctx)),
  ];
}

/** @param {ViewContext} ctx */
function recentProjects(ctx, projects) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'recent-projects-title' },
    h(
      'div',
      { class: 'card-header' },
      h('h2', { id: 'recent-projects-title' }, t('home.recentProjects')),
      projects.length > 0 && h('a', { href: '/demo/projects' }, t('common.viewAll')),
    ),
    projects.length
      ? h(
          'ul',
          { class: 'list' },
          projects
            .slice(0, 5)
            .map((p) =>
              h(
                'li',
                null,
                h('a', { href: `/demo/projects/${encodeURIComponent(p.id)}` }, p.name),
                h('span', { class: 'muted small' }, formatDate(p.createdAt, ctx.locale)),
              ),
            ),
        )
      : h(
          'div',
          { class: 'inline-empty' },
          h('p', { class: 'muted' }, t('home.noProjects')),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-secondary',
              testid: 'home-create-project',
              onClick: () => ctx.go('/demo/projects', 'new-project'),
            },
            icon('plus', 16),
            t('home.createProject'),
          ),
        ),
  );
}

/** @param {ViewContext} ctx */
function recentActivity(ctx) {
  const activity = listActivity(ctx.session).slice(0, 6);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'activity-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'activity-title' }, t('home.activity'))),
    activity.length
      ? h(
          'ul',
          { class: 'list activity' },
          activity.map((a) =>
            h(
              'li',
              null,
              h('span', null, t(`activity.${a.kind}`, { by: a.by, subject: a.subject })),
              h('span', { class: 'muted small' }, formatDate(a.at, ctx.locale)),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('home.noActivity')),
  );
}

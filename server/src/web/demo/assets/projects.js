// Projects, a project's page, and the reports inside projects.

import { CHART_TYPES, chart } from './charts.js';
import { disclosure, emptyState, field, formatDate, h, icon, pageHeader, setError } from './dom.js';
import { t } from './i18n.js';
import { createProject, createReport, findProject, listProjects, listReports } from './store.js';
import { track } from './tracking.js';

/** @typedef {import('./app.js').ViewContext} ViewContext */

/** @param {ViewContext} ctx */
export function projectsView(ctx) {
  const projects = listProjects(ctx.session);
  const button = h(
    'button',
    { type: 'button', id: 'new-project', class: 'btn btn-primary' },
    icon('plus', 16),
    t('projects.new'),
  );
  const form = projectForm(ctx, () => panel.close());
  const panel = disclosure(button, form);
  if (ctx.intent === 'new-project') queueMicrotask(panel.open);

  const list = projects.length
    ? h(
        'ul',
        { class: 'grid cards', testid: 'project-list', 'aria-label': t('projects.title') },
        projects.map((p) => projectCard(ctx, p)),
      )
    : emptyState({
        title: t('projects.emptyTitle'),
        body: t('projects.emptyBody'),
        action: null,
      });

  return [
    pageHeader({ title: t('projects.title'), subtitle: t('projects.subtitle'), actions: button }),
    form,
    list,
  ];
}

/** @param {ViewContext} ctx */
function projectCard(ctx, project) {
  const count = listReports(ctx.session, project.id).length;
  return h(
    'li',
    { class: 'card project-card', testid: 'project-item', dataset: { projectId: project.id } },
    h(
      'a',
      {
        class: 'card-link',
        href: `/demo/projects/${encodeURIComponent(project.id)}`,
        testid: 'project-link',
      },
      h(
        'span',
        { class: 'project-avatar', 'aria-hidden': 'true' },
        project.name.slice(0, 1).toUpperCase(),
      ),
      h('span', { class: 'card-title' }, project.name),
    ),
    h('p', { class: 'muted clamp' }, project.description || t('project.noDescription')),
    h(
      'p',
      { class: 'card-meta' },
      h('span', null, t('projects.reportCount', { n: count })),
      h('span', null, t('projects.created', { date: formatDate(project.createdAt, ctx.locale) })),
    ),
  );
}

/** @param {ViewContext} ctx @param {() => void} onCancel */
function projectForm(ctx, onCancel) {
  const name = h('input', {
    type: 'text',
    name: 'name',
    maxlength: 80,
    autocomplete: 'off',
    testid: 'project-name',
  });
  const description = h('textarea', {
    name: 'description',
    rows: 3,
    maxlength: 280,
    testid: 'project-description',
  });

  const submit = (event) => {
    event.preventDefault();
    const value = name.value.trim();
    const taken = listProjects(ctx.session).some(
      (p) => p.name.toLowerCase() === value.toLowerCase(),
    );
    const error = !value ? t('projects.errorName') : taken ? t('projects.errorDuplicate') : '';
    setError(name, error);
    if (error) return name.focus();
    const project = createProject(ctx.session, { name: value, description: description.value });
    track('Project Created', { projectId: project.id, name: project.name });
    ctx.notify(t('projects.toast', { name: project.name }));
    ctx.refresh(`[data-project-id="${project.id}"] a`);
  };

  return h(
    'form',
    {
      id: 'project-form',
      class: 'card form form-panel',
      novalidate: true,
      testid: 'project-form',
      onSubmit: submit,
    },
    h('h2', null, t('projects.formTitle')),
    field({ id: 'project-name', label: t('projects.name'), control: name }),
    field({
      id: 'project-description',
      label: t('projects.description'),
      control: description,
      hint: t('projects.descriptionHint'),
    }),
    formActions(t('projects.create'), 'project-submit', onCancel),
  );
}

function formActions(label, testid, onCancel) {
  return h(
    'div',
    { class: 'form-actions' },
    h('button', { type: 'button', class: 'btn btn-ghost', onClick: onCancel }, t('common.cancel')),
    h('button', { type: 'submit', class: 'btn btn-primary', testid }, label),
  );
}

/** @param {ViewContext} ctx */
export function projectView(ctx) {
  const project = findProject(ctx.session, ctx.params.id ?? '');
  const back = h(
    'a',
    { class: 'back-link', href: '/demo/projects' },
    icon('arrowLeft', 16),
    t('project.back'),
  );
  if (!project) {
    return [
      back,
      pageHeader({ title: t('project.notFound'), subtitle: t('project.notFoundBody') }),
    ];
  }
  const reports = listReports(ctx.session, project.id);
  const { button, form } = reportCreator(ctx, [project]);
  return [
    back,
    pageHeader({
      title: project.name,
      subtitle: project.description || t('project.noDescription'),
      actions: button,
    }),
    form,
    h('h2', { class: 'section-title' }, t('project.reports')),
    reportList(ctx, reports, false),
  ];
}

/** @param {ViewContext} ctx */
export function reportsView(ctx) {
  const projects = listProjects(ctx.session);
  const header = (actions) =>
    pageHeader({ title: t('reports.title'), subtitle: t('reports.subtitle'), actions });
  if (!projects.length) {
    const link = h(
      'a',
      { class: 'btn btn-primary', href: '/demo/projects' },
      icon('plus', 16),
      t('home.createProject'),
    );
    return [
      header(null),
      emptyState({ title: t('reports.emptyTitle'), body: t('reports.needProject'), action: link }),
    ];
  }
  const { button, form } = reportCreator(ctx, projects);
  return [header(button), form, reportList(ctx, listReports(ctx.session), true)];
}

/** "New report" + its form; with several projects the form asks which one. */
function reportCreator(ctx, projects) {
  const button = h(
    'button',
    { type: 'button', id: 'new-report', class: 'btn btn-primary' },
    icon('plus', 16),
    t('reports.new'),
  );
  const form = reportForm(ctx, projects, () => panel.close());
  const panel = disclosure(button, form);
  if (ctx.intent === 'new-report') queueMicrotask(panel.open);
  return { button, form };
}

function reportForm(ctx, projects, onCancel) {
  const name = h('input', {
    type: 'text',
    name: 'name',
    maxlength: 80,
    autocomplete: 'off',
    testid: 'report-name',
  });
  const chartType = h(
    'select',
    { name: 'chartType', testid: 'report-chart' },
    CHART_TYPES.map((type) => h('option', { value: type }, t(`chart.${type}`))),
  );
  const project = h(
    'select',
    { name: 'projectId', testid: 'report-project' },
    projects.map((p) => h('option', { value: p.id }, p.name)),
  );

  const submit = (event) => {
    event.preventDefault();
    const value = name.value.trim();
    setError(name, value ? '' : t('reports.errorName'));
    if (!value) return name.focus();
    const report = createReport(ctx.session, {
      projectId: project.value,
      name: value,
      chartType: chartType.value,
    });
    track('Report Created', {
      reportId: report.id,
      projectId: report.projectId,
      chartType: report.chartType,
      name: report.name,
    });
    ctx.notify(t('reports.toast', { name: report.name }));
    ctx.refresh(`[data-report-id="${report.id}"]`);
  };

  return h(
    'form',
    {
      id: 'report-form',
      class: 'card form form-panel',
      novalidate: true,
      testid: 'report-form',
      onSubmit: submit,
    },
    h('h2', null, t('reports.formTitle')),
    h(
      'div',
      { class: 'form-row' },
      field({ id: 'report-name', label: t('reports.name'), control: name }),
      field({ id: 'report-chart', label: t('reports.chart'), control: chartType }),
      projects.length > 1 &&
        field({ id: 'report-project', label: t('reports.project'), control: project }),
    ),
    formActions(t('reports.create'), 'report-submit', onCancel),
  );
}

function reportList(ctx, reports, showProject) {
  if (!reports.length)
    return emptyState({
      title: t('reports.emptyTitle'),
      body: t('reports.emptyBody'),
      action: null,
    });
  const projectNames = new Map(listProjects(ctx.session).map((p) => [p.id, p.name]));
  return h(
    'ul',
    { class: 'grid cards', testid: 'report-list', 'aria-label': t('reports.title') },
    reports.map((report) =>
      h(
        'li',
        {
          class: 'card report-card',
          testid: 'report-item',
          tabindex: '-1',
          dataset: { reportId: report.id, chartType: report.chartType },
        },
        h(
          'div',
          { class: 'report-head' },
          h('h3', { class: 'card-title' }, report.name),
          h('span', { class: 'badge' }, t(`chart.${report.chartType}`)),
        ),
        chart(report.chartType, report.id, report.name),
        h(
          'p',
          { class: 'card-meta' },
          showProject &&
            h(
              'a',
              { href: `/demo/projects/${encodeURIComponent(report.projectId)}` },
              t('reports.inProject', { project: projectNames.get(report.projectId) ?? '—' }),
            ),
          h('span', null, formatDate(report.createdAt, ctx.locale)),
        ),
      ),
    ),
  );
}

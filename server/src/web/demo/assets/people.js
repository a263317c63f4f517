// Teammates (invite by email and role) and the signed-in user's settings.

import {
  disclosure,
  field,
  formatDate,
  h,
  icon,
  initials,
  isEmail,
  pageHeader,
  setError,
} from './dom.js';
import { LOCALES, t } from './i18n.js';
import { SEATS, accountRecord, inviteTeammate, listTeammates } from './store.js';
import { track } from './tracking.js';

/** @typedef {import('./app.js').ViewContext} ViewContext */

const ROLES = ['admin', 'member', 'viewer'];

/** @param {ViewContext} ctx */
export function teammatesView(ctx) {
  const teammates = listTeammates(ctx.session);
  const button = h(
    'button',
    { type: 'button', id: 'invite-teammate', class: 'btn btn-primary' },
    icon('mail', 16),
    t('teammates.invite'),
  );
  const form = inviteForm(ctx, () => panel.close());
  const panel = disclosure(button, form);
  if (ctx.intent === 'invite-teammate') queueMicrotask(panel.open);

  const row = (m) =>
    h(
      'tr',
      { testid: 'teammate-item', tabindex: '-1', dataset: { email: m.email, status: m.status } },
      h(
        'td',
        null,
        h(
          'div',
          { class: 'person' },
          h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(m.name || m.email)),
          h(
            'span',
            { class: 'person-text' },
            h(
              'span',
              { class: 'person-name' },
              m.name || m.email.split('@')[0],
              m.email === ctx.session.email ? ` ${t('teammates.you')}` : '',
            ),
            h('span', { class: 'muted small' }, m.email),
          ),
        ),
      ),
      h('td', null, t(`role.${m.role}`)),
      h('td', null, h('span', { class: `status status-${m.status}` }, t(`status.${m.status}`))),
      h('td', { class: 'hide-narrow' }, formatDate(m.invitedAt, ctx.locale)),
    );

  return [
    pageHeader({
      title: t('teammates.title'),
      subtitle: t('teammates.subtitle', { used: teammates.length, seats: SEATS }),
      actions: button,
    }),
    form,
    h(
      'div',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'table', testid: 'teammate-list' },
        h('caption', { class: 'visually-hidden' }, t('teammates.title')),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('teammates.colName')),
            h('th', { scope: 'col' }, t('teammates.colRole')),
            h('th', { scope: 'col' }, t('teammates.colStatus')),
            h('th', { scope: 'col', class: 'hide-narrow' }, t('teammates.colSince')),
          ),
        ),
        h('tbody', null, teammates.map(row)),
      ),
    ),
  ];
}

/** @param {ViewContext} ctx @param {() => void} onCancel */
function inviteForm(ctx, onCancel) {
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'off',
    placeholder: 'name@company.com',
    testid: 'invite-email',
  });
  const role = h(
    'select',
    { name: 'role', testid: 'invite-role' },
    ROLES.map((r) => h('option', { value: r, selected: r === 'member' }, t(`role.${r}`))),
  );

  const submit = (event) => {
    event.preventDefault();
    const value = email.value.trim().toLowerCase();
    const teammates = listTeammates(ctx.session);
    const error = !isEmail(value)
      ? t('common.errorEmail')
      : teammates.some((m) => m.email === value)
        ? t('teammates.errorDuplicate')
        : teammates.length >= SEATS
          ? t('teammates.errorSeats', { seats: SEATS })
          : '';
    setError(email, error);
    if (error) return email.focus();
    const invite = inviteTeammate(ctx.session, { email: value, role: role.value });
    track('Teammate Invited', { role: invite.role });
    ctx.notify(t('teammates.toast', { email: invite.email }));
    ctx.refresh(`[data-email="${CSS.escape(invite.email)}"]`);
  };

  return h(
    'form',
    {
      id: 'invite-form',
      class: 'card form form-panel',
      novalidate: true,
      testid: 'invite-form',
      onSubmit: submit,
    },
    h('h2', null, t('teammates.formTitle')),
    h(
      'div',
      { class: 'form-row' },
      field({ id: 'invite-email', label: t('teammates.email'), control: email }),
      field({ id: 'invite-role', label: t('teammates.role'), control: role }),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-ghost', onClick: onCancel },
        t('common.cancel'),
      ),
      h(
        'button',
        { type: 'submit', class: 'btn btn-primary', testid: 'invite-submit' },
        t('teammates.send'),
      ),
    ),
  );
}

/** @param {ViewContext} ctx */
export function settingsView(ctx) {
  const { settings, session } = ctx;
  const name = h('input', {
    type: 'text',
    name: 'displayName',
    maxlength: 80,
    autocomplete: 'name',
    value: settings.displayName,
    testid: 'settings-name',
  });
  const locale = h(
    'select',
    { name: 'locale', testid: 'settings-locale' },
    LOCALES.map(([value, label]) =>
      h('option', { value, selected: value === settings.locale, lang: value }, label),
    ),
  );
  const theme = h(
    'select',
    { name: 'theme', testid: 'settings-theme' },
    ['light', 'dark', 'system'].map((value) =>
      h('option', { value, selected: value === settings.theme }, t(`theme.${value}`)),
    ),
  );

  const submit = (event) => {
    event.preventDefault();
    const displayName = name.value.trim();
    setError(name, displayName ? '' : t('settings.errorName'));
    if (!displayName) return name.focus();
    const next = {
      displayName,
      locale: /** @type {any} */ (locale.value),
      theme: /** @type {any} */ (theme.value),
    };
    const fields = /** @type {(keyof typeof next)[]} */ (Object.keys(next)).filter(
      (key) => next[key] !== settings[key],
    );
    if (!fields.length) return ctx.notify(t('settings.noChange'), 'info');
    ctx.updateSettings(next);
    track('Settings Updated', { fields });
    ctx.notify(t('settings.toast'));
  };

  const account = accountRecord(session.accountId);
  const readOnly = (label, value) =>
    h('div', { class: 'readonly' }, h('dt', null, label), h('dd', null, value));

  return [
    pageHeader({ title: t('settings.title'), subtitle: t('settings.subtitle') }),
    h(
      'div',
      { class: 'settings-grid' },
      h(
        'form',
        {
          id: 'settings-form',
          class: 'card form',
          novalidate: true,
          testid: 'settings-form',
          onSubmit: submit,
        },
        h('h2', null, t('settings.profile')),
        field({ id: 'settings-name', label: t('settings.name'), control: name }),
        h('dl', { class: 'readonly-list' }, readOnly(t('settings.email'), session.email)),
        h('h2', null, t('settings.preferences')),
        h(
          'div',
          { class: 'form-row' },
          field({ id: 'settings-locale', label: t('settings.locale'), control: locale }),
          field({ id: 'settings-theme', label: t('settings.theme'), control: theme }),
        ),
        h(
          'div',
          { class: 'form-actions' },
          h(
            'button',
            { type: 'submit', class: 'btn btn-primary', testid: 'settings-submit' },
            t('settings.save'),
          ),
        ),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'account-title' },
        h('h2', { id: 'account-title' }, t('settings.account')),
        h(
          'dl',
          { class: 'readonly-list' },
          readOnly(t('settings.company'), session.company),
          readOnly(t('settings.plan'), t('plan.badge', { seats: SEATS })),
          account.renewalDate &&
            readOnly(t('settings.renewal'), formatDate(account.renewalDate, ctx.locale)),
        ),
      ),
    ),
  ];
}

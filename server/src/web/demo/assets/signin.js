// The demo's sign-in screen: pick a persona or type any name, email and company.

import { field, h, isEmail, setError } from './dom.js';
import { t } from './i18n.js';

export const PERSONAS = [
  { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' },
  { name: 'Grace Hopper', email: 'grace@example.com', company: 'Compiler Works Inc' },
  { name: 'Alan Turing', email: 'alan@example.com', company: 'Bletchley Systems' },
];

/** @param {{onSubmit: (who: {name: string, email: string, company: string}) => void}} opts */
export function signInView({ onSubmit }) {
  const [ada] = PERSONAS;
  const name = h('input', {
    type: 'text',
    name: 'name',
    autocomplete: 'name',
    value: ada.name,
    testid: 'signin-name',
  });
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'email',
    value: ada.email,
    testid: 'signin-email',
  });
  const company = h('input', {
    type: 'text',
    name: 'company',
    autocomplete: 'organization',
    value: ada.company,
    testid: 'signin-company',
  });

  const submit = (event) => {
    event.preventDefault();
    const checks = [
      [name, name.value.trim() ? '' : t('signin.errorName')],
      [email, isEmail(email.value) ? '' : t('common.errorEmail')],
      [company, company.value.trim() ? '' : t('signin.errorCompany')],
    ];
    for (const [control, message] of checks) setError(control, message);
    const firstBad = checks.find(([, message]) => message);
    if (firstBad) return firstBad[0].focus();
    onSubmit({ name: name.value, email: email.value, company: company.value });
  };

  const persona = (p) =>
    h(
      'button',
      {
        type: 'button',
        class: 'persona',
        testid: 'signin-persona',
        onClick: () => {
          name.value = p.name;
          email.value = p.email;
          company.value = p.company;
        },
      },
      h('span', { class: 'persona-name' }, p.name),
      h('span', { class: 'persona-company' }, p.company),
    );

  return h(
    'main',
    { id: 'main', class: 'signin' },
    h(
      'div',
      { class: 'signin-card card' },
      h('div', { class: 'brand brand-large' }, logo(), h('span', null, t('app.name'))),
      h('h1', { id: 'page-title', tabindex: '-1', testid: 'page-title' }, t('signin.title')),
      h('p', { class: 'muted' }, t('signin.subtitle')),
      h(
        'form',
        {
          id: 'signin-form',
          class: 'form',
          novalidate: true,
          testid: 'signin-form',
          onSubmit: submit,
        },
        field({ id: 'signin-name', label: t('signin.name'), control: name }),
        field({ id: 'signin-email', label: t('signin.email'), control: email }),
        field({ id: 'signin-company', label: t('signin.company'), control: company }),
        h(
          'button',
          { type: 'submit', class: 'btn btn-primary btn-block', testid: 'signin-submit' },
          t('signin.submit'),
        ),
      ),
      h(
        'div',
        { class: 'personas', role: 'group', 'aria-labelledby': 'personas-label' },
        h('p', { id: 'personas-label', class: 'personas-label' }, t('signin.pick')),
        PERSONAS.map(persona),
      ),
    ),
  );
}

export function logo() {
  return h('span', { class: 'logo', 'aria-hidden': 'true' }, h('span'), h('span'), h('span'));
}

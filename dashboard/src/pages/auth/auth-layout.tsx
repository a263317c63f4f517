// The frame of the pages seen before signing in: brand, a card, and the language switch.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/context';
import { LanguageSelect } from '../../i18n/language-select';
import { IconLogo } from '../../ui';

export function AuthLayout({ title, lead, children }: { title: string; lead: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="auth">
      <main class="auth-card">
        <div class="brand auth-brand">
          <IconLogo />
          <span class="brand-name">Onward</span>
        </div>
        <h1 class="auth-title">{title}</h1>
        <p class="auth-lead">{lead}</p>
        {children}
      </main>
      <label class="auth-language">
        <span class="sr-only">{t('menu.language')}</span>
        <LanguageSelect class="input-sm" />
      </label>
    </div>
  );
}

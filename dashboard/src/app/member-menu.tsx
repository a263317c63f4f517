// The signed-in member's menu: language, theme and sign-out. A disclosure (button + panel), closed
// by Escape or a click outside, giving focus back to its button.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Member } from '../api/types';
import { useI18n } from '../i18n/context';
import { LanguageSelect } from '../i18n/language-select';
import { Button } from '../ui';
import { href } from '../shared/router';
import { useDashboard } from '../shared/session';
import { THEMES, type ThemePreference } from './theme';

export const initialsOf = (member: Member) =>
  (member.name || member.email)
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

type Props = { member: Member; theme: ThemePreference; onTheme: (theme: ThemePreference) => void };

export function MemberMenu({ member, theme, onTheme }: Props) {
  const { t } = useI18n();
  const { signOut } = useDashboard();
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useId();

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div class="member-menu" ref={root}>
      <button ref={toggle} type="button" class="member-toggle" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
        <span class="avatar" aria-hidden="true">{initialsOf(member)}</span>
        <span class="member-name">{member.name || member.email}</span>
        <span class="sr-only">{t('menu.open')}</span>
      </button>
      <div id={panel} class="member-panel" hidden={!open}>
        <p class="member-email">{member.email}</p>
        <label class="menu-field">
          <span>{t('menu.language')}</span>
          <LanguageSelect />
        </label>
        <fieldset class="menu-field">
          <legend>{t('menu.theme')}</legend>
          <div class="segmented">
            {THEMES.map((th) => (
              <label key={th} class="segmented-option">
                <input type="radio" name={`${panel}-theme`} value={th} checked={theme === th} onChange={() => onTheme(th)} />
                <span>{t(`theme.${th}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <a class="menu-link" href={href('/team/password')} onClick={() => setOpen(false)}>{t('menu.password')}</a>
        <Button
          variant="ghost"
          class="menu-signout"
          busy={leaving}
          onClick={() => {
            setLeaving(true);
            signOut().catch(() => setLeaving(false));
          }}
        >
          {t('menu.signOut')}
        </Button>
      </div>
    </div>
  );
}

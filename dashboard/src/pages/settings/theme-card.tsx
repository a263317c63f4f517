// The guides' look on the vendor's pages: brand colour, font, corner radius and colour mode.
import { fieldError } from '../../api/errors';
import { useI18n } from '../../i18n/context';
import { Card, Field } from '../../ui';
import type { SettingsForm, ThemeMode } from './settings-form';

const MODES: readonly ThemeMode[] = ['auto', 'light', 'dark'];
const HEX = /^#[0-9a-fA-F]{6}$/;

type Props = { theme: SettingsForm['theme']; error: unknown; onChange: (theme: SettingsForm['theme']) => void };

export function ThemeCard({ theme, error, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<SettingsForm['theme']>) => onChange({ ...theme, ...patch });
  return (
    <Card title={t('settings.theme.title')} description={t('settings.theme.description')}>
      <div class="form-grid">
        <Field label={t('settings.theme.brandColor')} hint={t('settings.theme.brandColorHint')} error={fieldError(error, 'theme.brandColor')}>
          {(p) => (
            <div class="color-row">
              {/* The picker only knows #rrggbb; the text field takes any hex the contract allows. */}
              <input type="color" class="color-swatch" aria-label={t('settings.theme.pick')} value={HEX.test(theme.brandColor) ? theme.brandColor : '#4f46e5'} onInput={(e) => set({ brandColor: e.currentTarget.value })} />
              <input {...p} class="input" value={theme.brandColor} placeholder="#4f46e5" onInput={(e) => set({ brandColor: e.currentTarget.value })} />
            </div>
          )}
        </Field>
        <Field label={t('settings.theme.font')} error={fieldError(error, 'theme.font')}>
          {(p) => <input {...p} class="input" value={theme.font} placeholder="Inter, system-ui, sans-serif" onInput={(e) => set({ font: e.currentTarget.value })} />}
        </Field>
        <Field label={t('settings.theme.radius')} error={fieldError(error, 'theme.radius')}>
          {(p) => <input {...p} class="input" type="number" min={0} max={32} value={theme.radius} onInput={(e) => set({ radius: e.currentTarget.value })} />}
        </Field>
        <Field label={t('settings.theme.mode')} error={fieldError(error, 'theme.mode')}>
          {(p) => (
            <select {...p} class="input" value={theme.mode} onChange={(e) => set({ mode: e.currentTarget.value as ThemeMode | '' })}>
              <option value="">{t('settings.theme.modeDefault')}</option>
              {MODES.map((m) => (
                <option key={m} value={m}>{t(`settings.theme.mode.${m}`)}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </Card>
  );
}

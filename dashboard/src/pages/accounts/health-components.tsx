// Why the health is what it is: each component's value, the share of the score it carries, and
// the API's one-line reason. Components without data are shown as left out, not as zero.
import type { HealthComponent } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { COMPONENT_LABELS } from './labels';

export function HealthComponents({ components }: { components: readonly HealthComponent[] }) {
  const { t, format } = useI18n();
  return (
    <ul class="components">
      {components.map((c) => (
        <li key={c.name} class={c.value === null ? 'component is-missing' : 'component'}>
          <div class="component-head">
            <span class="strong">{t(COMPONENT_LABELS[c.name])}</span>
            <span class="muted small">
              {c.value === null ? t('health.leftOut') : t('health.weight', { share: format.percent(c.effectiveWeight) })}
            </span>
          </div>
          <div class="component-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(100 * (c.value ?? 0))}%` }} />
          </div>
          <p class="component-why">
            <span class="strong">{c.value === null ? '—' : format.percent(c.value)}</span> {c.explanation}
          </p>
        </li>
      ))}
    </ul>
  );
}

import { useI18n } from '../i18n/context';

/** Traits as a definition list; objects and arrays as compact JSON. */
export function TraitList({ traits }: { traits: Record<string, unknown> }) {
  const { t } = useI18n();
  const entries = Object.entries(traits);
  if (entries.length === 0) return <p class="muted">{t('traits.none')}</p>;
  return (
    <dl class="traits">
      {entries.map(([key, value]) => (
        <div key={key} class="trait">
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

// The activation events: chosen from the events seen (a datalist) or typed; removable chips.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/context';
import { Button, type ControlProps } from '../../ui';

type Props = { control: ControlProps; events: readonly string[]; known: string; onChange: (events: string[]) => void };

export function EventList({ control, events, known, onChange }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const add = () => {
    const name = draft.trim();
    if (name !== '' && !events.includes(name)) onChange([...events, name]);
    setDraft('');
  };
  return (
    <div class="event-list">
      {events.length > 0 && (
        <ul class="chips" aria-label={t('settings.activation.chosen')}>
          {events.map((name) => (
            <li key={name} class="chip">
              <span>{name}</span>
              <button type="button" class="chip-remove" aria-label={t('settings.activation.remove', { name })} onClick={() => onChange(events.filter((e) => e !== name))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="inline-form">
        <input
          {...control}
          class="input"
          list={known}
          value={draft}
          placeholder={t('settings.eventPlaceholder')}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <Button onClick={add} disabled={draft.trim() === ''}>
          {t('settings.activation.add')}
        </Button>
      </div>
    </div>
  );
}

// A launcher in the bottom end corner with progress; it expands to the list of items. It never
// takes focus by itself and can always be closed.
import { useState } from 'preact/hooks';
import { markdown } from '../content/markdown';
import type { ChecklistItemView, StepCallbacks } from '../types';
import { CloseButton } from './chrome';
import type { StepProps } from './props';

function Item({ item, cb }: { item: ChecklistItemView; cb: StepCallbacks }) {
  const label = [item.text.title ?? '', item.done && <span class="ow-sr"> (done)</span>];
  return (
    <li class={item.done ? 'ow-done' : undefined}>
      <span aria-hidden="true">{item.done ? '✓' : '○'}</span>
      {item.action ? (
        <button type="button" onClick={() => cb.checklistItem(item)}>
          {label}
        </button>
      ) : (
        <span>{label}</span>
      )}
    </li>
  );
}

/** Checklist step. Starts expanded until the first item is done. */
export function Checklist({ view, cb, env }: StepProps) {
  const items = view.items ?? [];
  const done = items.filter((i) => i.done).length;
  const [open, setOpen] = useState(done === 0);
  const title = view.text.title || 'Getting started';
  return (
    <div class="ow-dock">
      {open && (
        <div id="ow-panel" class="ow-card" role="region" aria-label={title}>
          <h2>{title}</h2>
          {view.text.body && <div class="ow-body">{markdown(view.text.body)}</div>}
          <ul class="ow-items">
            {items.map((item) => (
              <Item key={item.id} item={item} cb={cb} />
            ))}
          </ul>
        </div>
      )}
      <div class="ow-launch">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? 'ow-panel' : undefined}
          onClick={() => setOpen(!open)}
        >
          {title}
        </button>
        <span
          class="ow-pill"
          role="progressbar"
          aria-label="Progress"
          aria-valuemin={0}
          aria-valuemax={items.length}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${items.length} done`}
        >
          {done}/{items.length}
        </span>
        <CloseButton onClose={env.close} />
      </div>
    </div>
  );
}

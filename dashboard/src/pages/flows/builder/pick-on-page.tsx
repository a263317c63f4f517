// "Pick on page" for the step target field: opens the vendor's page in builder mode and fills the
// selector the user picked there, with how many elements it finds and the element's text.
import { useState } from 'preact/hooks';
import { Button } from '../../../ui';
import { BuilderError, openPicker, type Picked } from './open-page';
import { currentFlowId, PageUrlInput, usePageUrl } from './page-url';
import { useBuilderText } from './strings';

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

type Note = { tone: 'muted' | 'warning' | 'error'; text: string } | null;

export function PickOnPageButton({ onPick, flowId }: { onPick: (picked: Picked) => void; flowId?: string | null }) {
  const text = useBuilderText();
  const [url, setUrl] = usePageUrl(flowId ?? currentFlowId());
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  const pick = () => {
    setBusy(true);
    setNote({ tone: 'muted', text: text('picking') });
    let picking: Promise<Picked>;
    try {
      picking = openPicker(url);
    } catch (error) {
      setBusy(false);
      return setNote({ tone: 'error', text: text(error instanceof BuilderError ? error.reason : 'closed') });
    }
    picking
      .then((picked) => {
        onPick(picked);
        const count = text(picked.matches === 1 ? 'one' : 'many', { matches: picked.matches });
        const vars = { text: picked.text.slice(0, 60), matches: picked.matches, url: pathOf(picked.url), count };
        const done = text(picked.text ? 'picked' : 'pickedNoText', vars);
        setNote(picked.matches === 1 ? { tone: 'muted', text: done } : { tone: 'warning', text: `${done} ${text('notUnique', vars)}` });
      })
      .catch((error: unknown) => {
        const reason = error instanceof BuilderError ? error.reason : 'closed';
        setNote({ tone: reason === 'cancelled' ? 'muted' : 'error', text: text(reason) });
      })
      .finally(() => setBusy(false));
  };

  return (
    <div class="flow-pick" style={{ display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center', marginTop: '6px' }}>
      <Button size="sm" busy={busy} onClick={pick}>
        {text('pick')}
      </Button>
      <PageUrlInput value={url} onChange={setUrl} grow />
      {note && (
        <span class={`small ${note.tone === 'muted' ? 'muted' : 'field-error'}`} style={{ flexBasis: '100%' }} role="status" data-testid="pick-note">
          {note.text}
        </span>
      )}
    </div>
  );
}

// "Preview on page": the whole flow, as edited, on the vendor's real page in a new window: the
// real SDK engine and ui, started at once, with no targeting and no analytics.
import { flowInputSchema } from '@onward/server/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../../ui';
import { BuilderError, previewOnPage, type PreviewSession } from './open-page';
import { currentFlowId, PageUrlInput, usePageUrl } from './page-url';
import { useBuilderText } from './strings';

export function PreviewOnPage({ draft, flowId }: { draft: unknown; flowId?: string | null }) {
  const text = useBuilderText();
  const [url, setUrl] = usePageUrl(flowId ?? currentFlowId());
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const session = useRef<PreviewSession | null>(null);
  useEffect(() => () => session.current?.close(), []);

  const preview = () => {
    const parsed = flowInputSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue ? `${issue.path.join('.')}: ${issue.message}` : '';
      return setNote({ error: true, text: text('previewInvalid', { message }) });
    }
    const flow = { ...parsed.data, id: parsed.data.id ?? flowId ?? 'preview' };
    session.current?.close();
    try {
      const opened = previewOnPage(url, flow, (message) => setNote({ error: true, text: text('previewRefused', { message }) }));
      session.current = opened;
      setNote({ error: false, text: text('previewOpen') });
      void opened.closed.then(() => session.current === opened && setNote(null));
    } catch (error) {
      setNote({ error: true, text: text(error instanceof BuilderError ? error.reason : 'closed') });
    }
  };

  return (
    <span class="flow-preview-on-page" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' }}>
      <PageUrlInput value={url} onChange={setUrl} />
      <Button size="sm" onClick={preview}>
        {text('preview')}
      </Button>
      {note && (
        <span class={`small ${note.error ? 'field-error' : 'muted'}`} role="status">
          {note.text}
        </span>
      )}
    </span>
  );
}

// Live preview: the selected step drawn by the SDK's real ui (mountUi) in an iframe holding a
// sample page, so tooltips point at something and modals cover only the pane. Next/Back inside
// the preview move the editor's selection; focus stays in the editor while typing.
import type { Theme } from '@onward/server/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/context';
import { Button } from '../../../ui';
import type { Draft } from '../editor/starters';
import { buildFakePage, resolveTarget } from './fake-page';
import { previewView } from './preview-flow';
import { mountUi, type Ui } from './sdk-ui';

type Props = { draft: Draft; index: number; locale: string; onSelect: (index: number) => void };

const POINTING = new Set(['tooltip', 'hotspot']);

export function StepPreview({ draft, index, locale, onSelect }: Props) {
  const { t } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  const ui = useRef<{ ui: Ui; doc: Document } | null>(null);
  const [ready, setReady] = useState(0);
  const [closed, setClosed] = useState(false);
  const [missing, setMissing] = useState(false);
  const themeKey = JSON.stringify(draft.theme ?? {});

  // One renderer per theme: mountUi applies the theme when it mounts.
  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return undefined;
    let stopped = false;
    const setup = () => {
      const doc = iframe.contentDocument;
      if (stopped || !doc?.body) return;
      ui.current?.ui.destroy();
      buildFakePage(doc, t('flows.preview.placeholder'));
      ui.current = { ui: mountUi({ doc, theme: JSON.parse(themeKey) as Theme }), doc };
      setReady((n) => n + 1);
    };
    setup();
    iframe.addEventListener('load', setup);
    return () => {
      stopped = true;
      iframe.removeEventListener('load', setup);
      ui.current?.ui.destroy();
      ui.current = null;
    };
  }, [themeKey]);

  useEffect(() => setClosed(false), [index]);

  useEffect(() => {
    const mounted = ui.current;
    if (!mounted) return undefined;
    if (closed) {
      mounted.ui.clear();
      return undefined;
    }
    const step = draft.steps[index];
    const pointing = step !== undefined && POINTING.has(step.type);
    const { target, found } = pointing ? resolveTarget(mounted.doc, step.target) : { target: null, found: true };
    setMissing(!found);
    const view = previewView(draft, index, locale, target);
    if (view === null) return undefined;
    // The SDK focuses its dialogs; while someone types in the editor, keep the focus there.
    const focused = document.activeElement;
    const total = draft.steps.length;
    mounted.ui.render(view, {
      next: () => (index + 1 < total ? onSelect(index + 1) : setClosed(true)),
      back: () => index > 0 && onSelect(index - 1),
      complete: () => setClosed(true),
      dismiss: () => setClosed(true),
      cta: () => undefined,
      survey: () => undefined,
      checklistItem: () => undefined,
    });
    const timer = setTimeout(() => {
      if (focused instanceof HTMLElement && focused !== frame.current && document.activeElement === frame.current) focused.focus({ preventScroll: true });
    }, 80);
    return () => clearTimeout(timer);
  }, [draft, index, locale, ready, closed]);

  return (
    <div class="flow-preview">
      <iframe ref={frame} class="flow-preview-frame" title={t('flows.preview.frame')} />
      {missing && <p class="small muted">{t('flows.preview.targetMissing')}</p>}
      {closed && (
        <Button size="sm" onClick={() => setClosed(false)}>
          {t('flows.preview.replay')}
        </Button>
      )}
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { Button } from './button';
import { IconCheck, IconCopy } from './icons';

/** Copies `text`; says "Copied" for a moment (announced politely) or why it could not. */
export function CopyButton({ text, label, size = 'sm' }: { text: string; label?: string; size?: 'sm' | 'md' }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );

  return (
    <Button size={size} onClick={copy} icon={state === 'copied' ? <IconCheck /> : <IconCopy />}>
      <span aria-live="polite">{state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : (label ?? t('common.copy'))}</span>
    </Button>
  );
}

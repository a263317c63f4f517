import type { ComponentChildren } from 'preact';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'brand';

/** A short status label; the tone is decoration, so the text must carry the meaning. */
export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

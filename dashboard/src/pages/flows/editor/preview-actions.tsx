// Actions above the live preview. Kept small and stable on purpose: the SDK builder-mode work adds
// "Preview on my page" (the whole flow on the vendor's real page) through the `children` slot.
import type { ComponentChildren } from 'preact';
import { PreviewOnPage } from '../builder';
import type { Draft } from './starters';

export type PreviewActionsProps = {
  /** The flow as currently edited (may be unsaved or invalid). */
  draft: Draft;
  /** The saved flow's id; null while the flow is new. */
  flowId: string | null;
  /** The step shown in the preview. */
  stepIndex: number;
  locale: string;
  /** SLOT (builder mode): buttons such as "Preview on my page". */
  children?: ComponentChildren;
};

export function PreviewActions({ draft, flowId, children }: PreviewActionsProps) {
  return (
    <div class="flow-preview-actions">
      {children}
      <PreviewOnPage draft={draft} flowId={flowId} />
    </div>
  );
}

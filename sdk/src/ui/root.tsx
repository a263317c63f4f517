// The tree rendered into the shadow root: a polite live region, then the step inside an error
// boundary, so a step that fails to render disappears instead of throwing into the page.
import type { Step } from '@onward/server/contracts';
import { Component, type ComponentChildren, type FunctionComponent } from 'preact';
import { direction } from './content/locale';
import { Banner } from './steps/banner';
import { Checklist } from './steps/checklist';
import { Hotspot } from './steps/hotspot';
import { Modal } from './steps/modal';
import type { StepProps } from './steps/props';
import { Survey } from './steps/survey';
import { Tooltip } from './steps/tooltip';
import type { StepView } from './types';

const STEPS: Record<Step['type'], FunctionComponent<StepProps>> = {
  tooltip: Tooltip,
  modal: Modal,
  hotspot: Hotspot,
  banner: Banner,
  checklist: Checklist,
  survey: Survey,
};

/** The component a view draws with: a tooltip or hotspot without a target is a centred modal. */
export function stepKind(view: StepView): Step['type'] {
  const { type } = view.step;
  return !view.target && (type === 'tooltip' || type === 'hotspot') ? 'modal' : type;
}

/** Renders nothing after a render error in its subtree (until it is keyed anew). */
export class Boundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override state = { failed: false };
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function StepRoot(props: StepProps & { Step: FunctionComponent<StepProps> }) {
  const { Step, ...rest } = props;
  const { locale } = rest.view;
  return (
    <div class="ow" dir={direction(locale)} lang={locale} data-mode={rest.env.mode}>
      <Step {...rest} />
    </div>
  );
}

/** Everything on screen; `props` null clears the step but keeps the live region. */
export function Screen({ props }: { props: StepProps | null }) {
  const view = props?.view;
  const kind = view && stepKind(view);
  const Step = kind && STEPS[kind];
  // Dialogs are announced when focus moves into them; the other steps through the live region.
  const quiet = kind === 'tooltip' || kind === 'modal';
  return (
    <>
      <div class="ow-sr" aria-live="polite">
        {view && !quiet ? view.text.title : ''}
      </div>
      {props && view && Step && (
        <Boundary key={`${view.flowId}/${view.step.id}/${view.index}`}>
          <StepRoot {...props} Step={Step} />
        </Boundary>
      )}
    </>
  );
}

// The step target selector input. Kept small and stable on purpose: the SDK builder-mode work adds
// its "Pick on page" button through the `pickButton` slot, and may call `onChange` with a picked selector.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../../i18n/context';
import { Field } from '../../../ui';
import { PickOnPageButton } from '../builder';

export type TargetFieldProps = {
  value: string;
  onChange: (selector: string) => void;
  /** The API's or the schema's message for `steps.N.target`. */
  error?: string | undefined;
  /** SLOT (builder mode): a button that picks the element on the vendor's page. */
  pickButton?: ComponentChildren;
};

export function TargetField({ value, onChange, error, pickButton }: TargetFieldProps) {
  const { t } = useI18n();
  return (
    <Field label={t('flows.step.target')} hint={t('flows.step.targetHint')} error={error}>
      {(p) => (
        <>
          <div class="flow-target">
            <input
              {...p}
              class="input mono"
              value={value}
              placeholder="#new-project"
              spellcheck={false}
              autocomplete="off"
              onInput={(e) => onChange(e.currentTarget.value)}
            />
            {pickButton}
          </div>
          {pickButton === undefined && <PickOnPageButton onPick={(picked) => onChange(picked.selector)} />}
        </>
      )}
    </Field>
  );
}

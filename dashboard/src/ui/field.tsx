import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

/** What Field hands its control so label, hint and error are wired for assistive technology. */
export type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

type FieldProps = {
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** The API's message for this field (`ApiError.issueAt(path)`), shown under the control. */
  error?: string | undefined;
  children: (control: ControlProps) => JSX.Element;
  class?: string;
};

/**
 * A labelled form control with its hint and error.
 * @example <Field label="Email" error={fieldError(err, 'email')}>{(p) => <input {...p} class="input" />}</Field>
 */
export function Field({ label, hint, error, children, class: extra }: FieldProps) {
  const id = useId();
  const described = [hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={['field', error !== undefined && 'field-invalid', extra].filter(Boolean).join(' ')}>
      <label class="field-label" for={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': described === '' ? undefined : described, 'aria-invalid': error !== undefined ? true : undefined })}
      {hint !== undefined && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A form-level message (the API's message when no field claims it). */
export function FormError({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  );
}

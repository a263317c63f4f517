import type { ComponentChildren, JSX } from 'preact';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

type ButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'size'> & {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /** Shows a spinner and blocks repeat clicks while an action runs. */
  busy?: boolean;
  icon?: ComponentChildren;
};

/** A button; `type` defaults to "button" so only explicit submit buttons submit forms. */
export function Button({ variant = 'secondary', size = 'md', busy = false, icon, children, class: extra, type, disabled, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      class={['btn', `btn-${variant}`, size === 'sm' && 'btn-sm', extra].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <Spinner size="sm" /> : icon}
      {children}
    </button>
  );
}

type LinkButtonProps = JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonVariant; size?: 'md' | 'sm' };

/** A link that looks like a button (navigation, not an action). */
export function LinkButton({ variant = 'secondary', size = 'md', class: extra, ...rest }: LinkButtonProps) {
  return <a {...rest} class={['btn', `btn-${variant}`, size === 'sm' && 'btn-sm', extra].filter(Boolean).join(' ')} />;
}

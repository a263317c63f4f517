import type { ComponentChildren } from 'preact';

type CardProps = { title?: ComponentChildren; description?: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren; class?: string };

/** A titled surface; `title` becomes an h2 so each card is a landmark in the page outline. */
export function Card({ title, description, actions, children, class: extra }: CardProps) {
  return (
    <section class={['card', extra].filter(Boolean).join(' ')}>
      {(title !== undefined || actions !== undefined) && (
        <header class="card-header">
          <div>
            {title !== undefined && <h2 class="card-title">{title}</h2>}
            {description !== undefined && <p class="card-description">{description}</p>}
          </div>
          {actions !== undefined && <div class="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

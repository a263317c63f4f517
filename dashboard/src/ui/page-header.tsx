import type { ComponentChildren } from 'preact';

type PageHeaderProps = {
  title: ComponentChildren;
  description?: ComponentChildren;
  actions?: ComponentChildren;
  /** A link back up the hierarchy, e.g. `<a href="#/accounts">Accounts</a>`. */
  back?: ComponentChildren;
};

/** The page's h1, one per page, with its lead text and primary actions. */
export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  return (
    <header class="page-header">
      <div class="page-header-text">
        {back !== undefined && <div class="page-back">{back}</div>}
        <h1 class="page-title">{title}</h1>
        {description !== undefined && <p class="page-description">{description}</p>}
      </div>
      {actions !== undefined && <div class="page-actions">{actions}</div>}
    </header>
  );
}

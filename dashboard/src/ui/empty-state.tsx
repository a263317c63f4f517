import type { ComponentChildren } from 'preact';

type EmptyStateProps = { icon?: ComponentChildren; title: ComponentChildren; children?: ComponentChildren; action?: ComponentChildren };

/** What a screen shows when there is nothing yet: say why, and what to do next. */
export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <div class="empty">
      {icon !== undefined && <div class="empty-icon" aria-hidden="true">{icon}</div>}
      <div class="empty-title">{title}</div>
      {children !== undefined && <div class="empty-body">{children}</div>}
      {action !== undefined && <div class="empty-action">{action}</div>}
    </div>
  );
}

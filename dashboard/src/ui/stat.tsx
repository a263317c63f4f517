import type { ComponentChildren } from 'preact';

/** A key figure: label above, value large, an optional line of context under it. */
export function Stat({ label, value, hint }: { label: ComponentChildren; value: ComponentChildren; hint?: ComponentChildren }) {
  return (
    <div class="stat">
      <dt class="stat-label">{label}</dt>
      <dd class="stat-value">{value}</dd>
      {hint !== undefined && <dd class="stat-hint">{hint}</dd>}
    </div>
  );
}

/** A row of Stats as one description list. */
export function StatGrid({ children }: { children: ComponentChildren }) {
  return <dl class="stat-grid">{children}</dl>;
}

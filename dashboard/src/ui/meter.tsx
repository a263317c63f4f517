/** A 0–100 score as a bar plus the number; colour bands follow the health thresholds (<40, <70). */
export function Meter({ value, label }: { value: number; label: string }) {
  const band = value < 40 ? 'low' : value < 70 ? 'mid' : 'high';
  return (
    <span class="meter">
      <span class={`meter-bar meter-${band}`} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <span class="meter-fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span class="meter-value">{value}</span>
    </span>
  );
}

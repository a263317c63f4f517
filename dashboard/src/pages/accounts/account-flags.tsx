import type { AccountItem } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { Badge } from '../../ui';
import { RISK_LABELS, STAGE_LABELS, STAGE_TONES } from './labels';

/** Expansion (good news) first, then each risk flag. */
export function AccountFlags({ account }: { account: Pick<AccountItem, 'expansion' | 'risk'> }) {
  const { t } = useI18n();
  if (!account.expansion && account.risk.length === 0) return <span class="muted">—</span>;
  return (
    <span class="badges">
      {account.expansion && <Badge tone="success" title={t('flag.expansionHint')}>{t('flag.expansion')}</Badge>}
      {account.risk.map((r) => (
        <Badge key={r} tone={r === 'renewal_soon_low_health' ? 'danger' : 'warning'}>{t(RISK_LABELS[r])}</Badge>
      ))}
    </span>
  );
}

export function StageBadge({ stage }: { stage: AccountItem['stage'] }) {
  const { t } = useI18n();
  if (stage === null) return <span class="muted">—</span>;
  return <Badge tone={STAGE_TONES[stage]}>{t(STAGE_LABELS[stage])}</Badge>;
}

/** "8 / 10" active seats, or active users alone when the account has no seats trait. */
export function Seats({ account }: { account: Pick<AccountItem, 'activeUsers' | 'seats' | 'users'> }) {
  const { format } = useI18n();
  return (
    <span>
      {format.number(account.activeUsers)}
      <span class="muted"> / {account.seats === null ? format.number(account.users) : format.number(account.seats)}</span>
    </span>
  );
}

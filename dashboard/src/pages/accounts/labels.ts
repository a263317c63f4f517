// Translation keys for the account vocabulary the API answers in (stage, risk, health components).
import type { Stage } from '@onward/server/contracts';
import type { HealthComponentName, RiskFlag } from '../../api/types';
import type { MessageKey } from '../../i18n/translate';
import type { Tone } from '../../ui';

export const STAGE_LABELS: Record<Stage, MessageKey> = {
  onboarding: 'stage.onboarding',
  stabilizing: 'stage.stabilizing',
  renewal: 'stage.renewal',
  steady: 'stage.steady',
};
export const STAGE_TONES: Record<Stage, Tone> = { onboarding: 'info', stabilizing: 'brand', renewal: 'warning', steady: 'neutral' };

export const RISK_LABELS: Record<RiskFlag, MessageKey> = {
  low_activity: 'risk.low_activity',
  low_activation: 'risk.low_activation',
  detractors: 'risk.detractors',
  renewal_soon_low_health: 'risk.renewal_soon_low_health',
};

export const COMPONENT_LABELS: Record<HealthComponentName, MessageKey> = {
  recentActivity: 'health.recentActivity',
  seatsActive: 'health.seatsActive',
  activation: 'health.activation',
  keyEvents: 'health.keyEvents',
  nps: 'health.nps',
};

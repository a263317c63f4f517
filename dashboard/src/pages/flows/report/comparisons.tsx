// Exposed vs holdout: goal conversion, activation and time-to-value, each as two bars, the
// difference with its 95% interval in words, and the API's verdict; the API's notes when absent.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../../i18n/context';
import { Badge, Card, type Tone } from '../../../ui';
import type { FlowReport, Interval, Verdict } from '../../../api/flow-types';
import { signedPoints } from './words';

const TONE: Record<Verdict, Tone> = { likely_real: 'success', no_detectable_effect: 'neutral', not_enough_users: 'warning' };

function Bars({ rows }: { rows: { label: string; value: number | null; text: string }[] }) {
  const max = Math.max(...rows.map((r) => r.value ?? 0), 1e-9);
  return (
    <ul class="flow-funnel">
      {rows.map((r) => (
        <li key={r.label} class="flow-funnel-row">
          <span class="flow-funnel-label">{r.label}</span>
          <span class="flow-bar" aria-hidden="true"><span class="flow-bar-fill" style={{ width: `${((r.value ?? 0) / max) * 100}%` }} /></span>
          <span class="flow-funnel-value">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}

function Verdict({ verdict, headline, interval }: { verdict: Verdict; headline: string; interval: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="flow-verdict">
      <p class="strong">{headline} <Badge tone={TONE[verdict]}>{t(`flows.verdict.${verdict}`)}</Badge></p>
      {interval !== null && <p class="small muted">{interval}</p>}
    </div>
  );
}

export function Comparisons({ report }: { report: FlowReport }) {
  const { t, format, locale } = useI18n();
  const { goal, activation, timeToValue: ttv } = report;
  const pct = (n: number | null) => format.percent(n);
  const pointsText = (d: number | null, summary: string, verdict: Verdict) =>
    locale === 'en' ? summary : d === null ? t(`flows.verdict.${verdict}`) : `${t('flows.cmp.points', { points: signedPoints(d) })}`;
  const ci = (c: Interval | null) => (c === null ? null : t('flows.cmp.interval', { lo: signedPoints(c[0]), hi: signedPoints(c[1]) }));
  const msText = (ms: number) => `${ms < 0 ? '−' : '+'}${format.duration(Math.abs(ms))}`;

  return (
    <>
      <Card title={t('flows.cmp.goal')} description={goal ? t('flows.cmp.goalHint', { event: goal.event, days: goal.withinDays }) : undefined}>
        {goal === null ? <p class="muted">{t('flows.cmp.noGoal')}</p> : (
          <div class="stack">
            <Bars rows={[
              { label: t('flows.cmp.exposed'), value: goal.exposed.rate, text: t('flows.cmp.converted', { rate: pct(goal.exposed.rate), converted: format.number(goal.exposed.converted), users: format.number(goal.exposed.users) }) },
              { label: t('flows.cmp.holdout'), value: goal.holdout.rate, text: t('flows.cmp.converted', { rate: pct(goal.holdout.rate), converted: format.number(goal.holdout.converted), users: format.number(goal.holdout.users) }) },
            ]} />
            <Verdict verdict={goal.verdict} headline={pointsText(goal.lift, goal.summary, goal.verdict)} interval={ci(goal.ci95)} />
            {goal.exposed.pending + goal.holdout.pending > 0 && <p class="small muted">{t('flows.cmp.pending', { count: format.number(goal.exposed.pending + goal.holdout.pending) })}</p>}
          </div>
        )}
      </Card>
      <Card title={t('flows.cmp.activation')}>
        {activation === null ? <p class="muted">{t('flows.cmp.noActivation')}</p> : (
          <div class="stack">
            <Bars rows={[
              { label: t('flows.cmp.exposed'), value: activation.exposed.rate, text: t('flows.cmp.activated', { rate: pct(activation.exposed.rate), activated: format.number(activation.exposed.activated), users: format.number(activation.exposed.users) }) },
              { label: t('flows.cmp.holdout'), value: activation.holdout.rate, text: t('flows.cmp.activated', { rate: pct(activation.holdout.rate), activated: format.number(activation.holdout.activated), users: format.number(activation.holdout.users) }) },
            ]} />
            <Verdict verdict={activation.verdict} headline={pointsText(activation.difference, activation.summary, activation.verdict)} interval={ci(activation.ci95)} />
          </div>
        )}
      </Card>
      <Card title={t('flows.cmp.ttv')}>
        {ttv === null ? <p class="muted">{t('flows.cmp.noTtv')}</p> : (
          <div class="stack">
            <Bars rows={[
              { label: t('flows.cmp.exposed'), value: ttv.exposed.kmMedianMs, text: t('flows.cmp.median', { median: format.duration(ttv.exposed.kmMedianMs), reached: format.number(ttv.exposed.reached), users: format.number(ttv.exposed.users) }) },
              { label: t('flows.cmp.holdout'), value: ttv.holdout.kmMedianMs, text: t('flows.cmp.median', { median: format.duration(ttv.holdout.kmMedianMs), reached: format.number(ttv.holdout.reached), users: format.number(ttv.holdout.users) }) },
            ]} />
            <Verdict
              verdict={ttv.verdict}
              headline={locale === 'en' ? ttv.summary : ttv.differenceMs === null ? t(`flows.verdict.${ttv.verdict}`) : t(ttv.differenceMs <= 0 ? 'flows.cmp.shorter' : 'flows.cmp.longer', { d: format.duration(Math.abs(ttv.differenceMs)) })}
              interval={ttv.ci95 === null ? null : t('flows.cmp.intervalTime', { lo: msText(ttv.ci95[0]), hi: msText(ttv.ci95[1]) })}
            />
          </div>
        )}
      </Card>
      {report.notes.length > 0 && (
        <Card title={t('flows.cmp.notes')}>
          <ul class="small">{report.notes.map((n) => <li key={n}>{n}</li>)}</ul>
        </Card>
      )}
    </>
  );
}

// #/settings/webhooks — outgoing webhooks: endpoints (URL, events, deep link for dormant users),
// their signing secret, and each endpoint's delivery log (GET /v1/webhooks/:id/deliveries).
import type { Webhook, WebhookDelivery, WebhookEventType, WebhookInput } from '@onward/server/contracts';
import { useState } from 'preact/hooks';
import { fieldError } from '../../api/errors';
import { formMessage } from '../../shared/form-message';
import { Loaded } from '../../shared/loaded';
import { href } from '../../shared/router';
import { useApi } from '../../shared/session';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Badge, Button, Card, CopyButton, EmptyState, Field, FormError, PageHeader, Table, type Column, type Tone } from '../../ui';

const EVENT_TYPES: readonly WebhookEventType[] = ['user.dormant', 'user.reactivated', 'account.expansion', 'account.health_dropped', 'survey.responded'];
const STATUS_TONE: Record<WebhookDelivery['status'], Tone> = { pending: 'info', delivered: 'success', failed: 'danger' };

type Draft = { url: string; description: string; events: WebhookEventType[]; deepLinkUrl: string; deepLinkFlow: string };
const EMPTY: Draft = { url: '', description: '', events: ['user.dormant'], deepLinkUrl: '', deepLinkFlow: '' };

/** The API input of a draft: a deep link only when both of its fields are filled. */
export function toWebhookInput(d: Draft, active = true): WebhookInput {
  const deepLink = d.deepLinkUrl.trim() !== '' && d.deepLinkFlow.trim() !== '' ? { url: d.deepLinkUrl.trim(), flowId: d.deepLinkFlow.trim() } : null;
  return { url: d.url.trim(), description: d.description.trim(), events: d.events, active, deepLink };
}

const inputOf = (w: Webhook, active: boolean): WebhookInput => ({ url: w.url, description: w.description, events: w.events, active, deepLink: w.deepLink });

function NewWebhook({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const toggle = (type: WebhookEventType) => set('events', draft.events.includes(type) ? draft.events.filter((e) => e !== type) : [...draft.events, type]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.webhooks.create(toWebhookInput(draft));
      setDraft(EMPTY);
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('webhooks.new')} description={t('webhooks.newHint')}>
      <form class="stack" onSubmit={submit} noValidate>
        <FormError message={formMessage(error, ['url', 'events', 'description', 'deepLink.url', 'deepLink.flowId'], t('webhooks.failed'))} />
        <Field label={t('webhooks.url')} error={fieldError(error, 'url')}>
          {(p) => <input {...p} class="input" type="url" placeholder="https://example.com/onward" value={draft.url} onInput={(e) => set('url', e.currentTarget.value)} />}
        </Field>
        <Field label={t('webhooks.description')} error={fieldError(error, 'description')}>
          {(p) => <input {...p} class="input" value={draft.description} onInput={(e) => set('description', e.currentTarget.value)} />}
        </Field>
        <fieldset class="menu-field">
          <legend>{t('webhooks.events')}</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type} class="check">
              <input type="checkbox" checked={draft.events.includes(type)} onChange={() => toggle(type)} /> <code>{type}</code>
            </label>
          ))}
          {fieldError(error, 'events') !== undefined && <p class="field-error">{fieldError(error, 'events')}</p>}
        </fieldset>
        <Field label={t('webhooks.deepLinkUrl')} hint={t('webhooks.deepLinkHint')} error={fieldError(error, 'deepLink.url')}>
          {(p) => <input {...p} class="input" type="url" placeholder="https://app.example.com/" value={draft.deepLinkUrl} onInput={(e) => set('deepLinkUrl', e.currentTarget.value)} />}
        </Field>
        <Field label={t('webhooks.deepLinkFlow')} error={fieldError(error, 'deepLink.flowId')}>
          {(p) => <input {...p} class="input" placeholder="welcome-back" value={draft.deepLinkFlow} onInput={(e) => set('deepLinkFlow', e.currentTarget.value)} />}
        </Field>
        <Button type="submit" variant="primary" busy={busy}>{t('webhooks.create')}</Button>
      </form>
    </Card>
  );
}

function DeliveryLog({ id }: { id: string }) {
  const { t, format } = useI18n();
  const api = useApi();
  const log = useResource(() => api.webhooks.deliveries(id), [id]);
  const columns: Column<WebhookDelivery>[] = [
    { key: 'type', header: t('webhooks.event'), cell: (d) => <code>{d.type}</code> },
    { key: 'status', header: t('webhooks.status'), cell: (d) => <Badge tone={STATUS_TONE[d.status]}>{t(`webhooks.status.${d.status}`)}</Badge> },
    { key: 'attempts', header: t('webhooks.attempts'), align: 'end', cell: (d) => format.number(d.attempts) },
    { key: 'last', header: t('webhooks.lastAnswer'), cell: (d) => d.lastStatusCode ?? d.lastError ?? '—' },
    { key: 'at', header: t('webhooks.createdAt'), cell: (d) => format.dateTime(d.createdAt) },
    { key: 'next', header: t('webhooks.nextAttempt'), cell: (d) => (d.nextAttemptAt === null ? '—' : format.dateTime(d.nextAttemptAt)) },
    { key: 'key', header: t('webhooks.idempotencyKey'), cell: (d) => <code class="small">{d.idempotencyKey}</code> },
  ];
  return (
    <Loaded resource={log}>
      {({ deliveries }) => (
        <Table caption={t('webhooks.log')} columns={columns} rows={deliveries} rowKey={(d) => String(d.id)} empty={<EmptyState title={t('webhooks.noDeliveries')} />} />
      )}
    </Loaded>
  );
}

function Endpoint({ webhook, onChanged }: { webhook: Webhook; onChanged: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [showLog, setShowLog] = useState(false);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={webhook.url} description={webhook.description || undefined}>
      <div class="stack">
        <p class="badges">
          <Badge tone={webhook.active ? 'success' : 'neutral'}>{webhook.active ? t('webhooks.active') : t('webhooks.paused')}</Badge>
          {webhook.events.map((e) => <Badge key={e}>{e}</Badge>)}
        </p>
        {webhook.deepLink !== null && <p class="small">{t('webhooks.deepLinkShown', { url: webhook.deepLink.url, flow: webhook.deepLink.flowId })}</p>}
        <p class="small">
          {t('webhooks.secret')} <code>{webhook.secret}</code> <CopyButton text={webhook.secret} />
        </p>
        <div class="badges">
          <Button busy={busy} onClick={() => void act(() => api.webhooks.save(webhook.id, inputOf(webhook, !webhook.active)))}>
            {webhook.active ? t('webhooks.pause') : t('webhooks.resume')}
          </Button>
          <Button onClick={() => setShowLog(!showLog)} aria-expanded={showLog}>{showLog ? t('webhooks.hideLog') : t('webhooks.showLog')}</Button>
          <Button variant="danger" busy={busy} onClick={() => window.confirm(t('webhooks.confirmRemove')) && void act(() => api.webhooks.remove(webhook.id))}>
            {t('webhooks.remove')}
          </Button>
        </div>
        {showLog && <DeliveryLog id={webhook.id} />}
      </div>
    </Card>
  );
}

export function WebhooksPage() {
  const { t } = useI18n();
  const api = useApi();
  useTitle(t('webhooks.title'));
  const list = useResource(() => api.webhooks.list(), []);
  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.lead')} back={<a href={href('/settings')}>{t('nav.settings')}</a>} />
      <div class="stack-lg">
        <Loaded resource={list}>
          {({ webhooks }) =>
            webhooks.length === 0 ? (
              <EmptyState title={t('webhooks.none')} />
            ) : (
              <div class="stack">{webhooks.map((w) => <Endpoint key={w.id} webhook={w} onChanged={list.reload} />)}</div>
            )
          }
        </Loaded>
        <NewWebhook onCreated={list.reload} />
      </div>
    </>
  );
}

// Settings: what value and activation mean, dormancy, segments, identity verification and theme.
// One document, saved at once; the API's issues show beside their fields, and a value-event or
// activation change shows the rebuild of the derived columns until it is done.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, fieldError } from '../../api/errors';
import type { SettingsDocument } from '../../api/types';
import { Loaded } from '../../shared/loaded';
import { href } from '../../shared/router';
import { useApi } from '../../shared/session';
import { useResource } from '../../shared/use-resource';
import { useTitle } from '../../shared/use-title';
import { useI18n } from '../../i18n/context';
import { Button, Card, Field, FormError, LinkButton, PageHeader } from '../../ui';
import { EventList } from './event-list';
import { IdentityCard } from './identity-card';
import { RebuildProgress } from './rebuild-progress';
import { SegmentsEditor } from './segments-editor';
import { toForm, toInput, type SettingsForm } from './settings-form';
import { ThemeCard } from './theme-card';
import { useEventNames } from './use-event-names';

const REBUILD_POLL_MS = 1500;
const KNOWN_EVENTS = 'onward-known-events';

export function SettingsPage() {
  const { t } = useI18n();
  const api = useApi();
  useTitle(t('settings.title'));
  const settings = useResource(() => api.settings.read(), []);
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        description={t('settings.description')}
        actions={<LinkButton href={href('/settings/webhooks')}>{t('settings.webhooksLink')}</LinkButton>}
      />
      <Loaded resource={settings}>{(doc) => <SettingsEditor initial={doc} />}</Loaded>
    </>
  );
}

function SettingsEditor({ initial }: { initial: SettingsDocument }) {
  const { t } = useI18n();
  const api = useApi();
  const names = useEventNames();
  const [doc, setDoc] = useState(initial);
  const [form, setForm] = useState(() => toForm(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const dirty = useMemo(() => JSON.stringify(toInput(form)) !== JSON.stringify(toInput(toForm(doc))), [form, doc]);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  // While a rebuild runs, follow its progress; the form keeps whatever is being edited.
  useEffect(() => {
    if (!doc.rebuild.running) return undefined;
    const timer = setTimeout(() => api.settings.read().then((next) => setDoc((d) => ({ ...d, rebuild: next.rebuild })), () => undefined), REBUILD_POLL_MS);
    return () => clearTimeout(timer);
  }, [api, doc]);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const next = await api.settings.save(toInput(form));
      setDoc(next);
      setForm(toForm(next));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const err = (path: string) => fieldError(error, path);
  return (
    <form class="stack-lg settings" onSubmit={save} noValidate>
      <datalist id={KNOWN_EVENTS}>
        {names.map((n) => <option key={n} value={n} />)}
      </datalist>
      <Card title={t('settings.value.title')} description={t('settings.value.description')}>
        <div class="form-grid">
          <Field label={t('settings.valueEvent')} hint={t('settings.valueEventHint')} error={err('valueEvent')}>
            {(p) => <input {...p} class="input" list={KNOWN_EVENTS} value={form.valueEvent} placeholder={t('settings.eventPlaceholder')} onInput={(e) => set('valueEvent', e.currentTarget.value)} />}
          </Field>
          <Field label={t('settings.windowDays')} hint={t('settings.windowDaysHint')} error={err('activation.windowDays')}>
            {(p) => <input {...p} class="input" type="number" min={1} max={365} value={form.windowDays} onInput={(e) => set('windowDays', e.currentTarget.value)} />}
          </Field>
        </div>
        <Field label={t('settings.activationEvents')} hint={t('settings.activationEventsHint')} error={err('activation.events')}>
          {(p) => <EventList control={p} events={form.activationEvents} known={KNOWN_EVENTS} onChange={(v) => set('activationEvents', v)} />}
        </Field>
        <RebuildProgress rebuild={doc.rebuild} />
      </Card>
      <Card title={t('settings.dormancy.title')} description={t('settings.dormancy.description')}>
        <div class="form-grid">
          <Field label={t('settings.dormantAfterDays')} error={err('dormantAfterDays')}>
            {(p) => <input {...p} class="input" type="number" min={1} max={365} value={form.dormantAfterDays} onInput={(e) => set('dormantAfterDays', e.currentTarget.value)} />}
          </Field>
          <Field label={t('settings.throttleHours')} hint={t('settings.throttleHoursHint')} error={err('throttleHours')}>
            {(p) => <input {...p} class="input" type="number" min={0} value={form.throttleHours} onInput={(e) => set('throttleHours', e.currentTarget.value)} />}
          </Field>
        </div>
      </Card>
      <Card title={t('settings.segments.title')} description={t('settings.segments.description')}>
        <SegmentsEditor draft={form.segments} error={error} onChange={(v) => set('segments', v)} />
      </Card>
      <IdentityCard enabled={form.identityVerification} secret={doc.identitySecret} onChange={(v) => set('identityVerification', v)} />
      <ThemeCard theme={form.theme} error={error} onChange={(v) => set('theme', v)} />
      <div class="save-bar">
        <FormError message={error === null ? undefined : error instanceof ApiError ? error.message : t('settings.saveFailed')} />
        <span class="muted" role="status">
          {saved ? t('settings.saved') : dirty ? t('settings.unsaved') : ''}
        </span>
        <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

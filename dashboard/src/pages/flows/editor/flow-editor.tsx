// The flow editor (#/flows/:id and #/flows/new?kind=tour): name and kind, steps with a live
// preview, audience, delivery, JSON and history; save with schema checks first, API issues shown
// at their fields; publish, unpublish, delete. Over 300 lines? No: panels live in their own files.
import type { Audience, Flow } from '@onward/server/contracts';
import { useEffect, useState } from 'preact/hooks';
import { formMessage } from '../../../shared/form-message';
import { Loaded } from '../../../shared/loaded';
import { href, navigate, pathTo } from '../../../shared/router';
import { useApi } from '../../../shared/session';
import { useResource } from '../../../shared/use-resource';
import { useTitle } from '../../../shared/use-title';
import { useI18n } from '../../../i18n/context';
import { Badge, Button, Card, Field, FormError, LinkButton, PageHeader, Tabs } from '../../../ui';
import type { FlowsApi } from '../../../api/flows';
import { StepPreview } from '../preview/step-preview';
import { AudienceBuilder } from './audience-builder';
import { DeliveryPanel } from './delivery-panel';
import { draftOf, useDraftState } from './draft-state';
import { JsonView } from './json-view';
import { PreviewActions } from './preview-actions';
import { StepForm } from './step-form';
import { StepList } from './step-list';
import { addStep, moveStep, removeStep, selectionAfterMove, selectionAfterRemove, updateStep } from './steps';
import { FLOW_KINDS, starter, type Draft, type FlowKind } from './starters';
import { useUnsavedGuard } from './unsaved-guard';
import { issueUnder, issuesOf, stepOfPath, stepsWithIssues, tabOfPath, validateDraft } from './validate';
import { VersionsPanel } from './versions-panel';

/** `#/flows/new?kind=survey` → survey; else tour. */
export function kindFromHash(hash: string): FlowKind {
  const kind = new URLSearchParams(hash.split('?')[1] ?? '').get('kind');
  return FLOW_KINDS.includes(kind as FlowKind) ? (kind as FlowKind) : 'tour';
}

export function NewFlowPage() {
  const api = useApi().flows;
  return <Editor api={api} flow={null} initial={starter(kindFromHash(window.location.hash))} />;
}

export function FlowEditorPage({ id }: { id: string }) {
  const api = useApi().flows;
  const flow = useResource(() => api.read(id), [id]);
  return <Loaded resource={flow}>{(f) => <Editor api={api} flow={f} initial={draftOf(f)} />}</Loaded>;
}

type Busy = null | 'save' | 'publish' | 'unpublish' | 'delete';

function useOptions() {
  const admin = useApi();
  const [options, setOptions] = useState({ segments: [] as string[], events: [] as string[], flows: [] as string[] });
  useEffect(() => {
    let stopped = false;
    void Promise.all([
      admin.settings.read().then((s) => s.segments.map((x) => x.name), () => []),
      admin.events.names().then((r) => r.events.map((e) => e.event), () => []),
      admin.flows.list().then((r) => r.flows.map((f) => f.id), () => []),
    ]).then(([segments, events, flows]) => stopped || setOptions({ segments, events, flows }));
    return () => {
      stopped = true;
    };
  }, [admin]);
  return options;
}

function Editor({ api, flow: loaded, initial }: { api: FlowsApi; flow: Flow | null; initial: Draft }) {
  const { t } = useI18n();
  const state = useDraftState(initial);
  const { draft, setDraft, issues, setIssues, selected, setSelected, locale, setLocale } = state;
  const [flow, setFlow] = useState<Flow | null>(loaded);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [tab, setTab] = useState({ id: 'steps', n: 0 });
  const options = useOptions();
  useTitle(draft.name || t('flows.editor.untitled'));
  useUnsavedGuard(state.dirty, t('flows.editor.leave'));

  const showIssues = (list: typeof issues) => {
    setIssues(list);
    const first = list[0];
    if (first === undefined) return;
    const step = stepOfPath(first.path);
    if (step !== null) setSelected(step);
    setTab((x) => ({ id: tabOfPath(first.path), n: x.n + 1 }));
  };

  /** Saves when needed; the stored flow, or null when it could not be saved. */
  const save = async (): Promise<Flow | null> => {
    const local = validateDraft(draft);
    if (local.length > 0) {
      showIssues(local);
      setError(null);
      return null;
    }
    if (flow !== null && !state.dirty) return flow;
    try {
      const stored = flow === null ? await api.create(draft) : await api.save(flow.id, { ...draft, id: flow.id });
      setFlow(stored);
      state.markSaved(draftOf(stored));
      setIssues([]);
      setError(null);
      if (flow === null) setTimeout(() => navigate(pathTo('/flows', stored.id)), 0);
      return stored;
    } catch (e) {
      setError(e);
      showIssues(issuesOf(e));
      return null;
    }
  };

  const run = async (what: Exclude<Busy, null>, action: () => Promise<void>) => {
    setBusy(what);
    setNotice('');
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const onSave = () => run('save', async () => {
    if ((await save()) !== null) setNotice(t('flows.editor.saved'));
  });
  const onPublish = () => run('publish', async () => {
    const stored = await save();
    if (stored === null) return;
    const published = await api.publish(stored.id);
    setFlow(published);
    setNotice(t('flows.editor.publishedNotice', { version: published.publishedVersion ?? '' }));
  });
  const onUnpublish = () => run('unpublish', async () => {
    if (flow === null) return;
    setFlow(await api.unpublish(flow.id));
    setNotice(t('flows.editor.unpublishedNotice'));
  });
  const onDelete = () => run('delete', async () => {
    if (flow === null || !window.confirm(t('flows.editor.confirmDelete', { name: flow.name }))) return;
    await api.remove(flow.id);
    state.markSaved(draft);
    setTimeout(() => navigate('/flows'), 0);
  });

  const withIssues = stepsWithIssues(issues);
  const step = draft.steps[selected];
  const status = flow === null ? null : flow.status === 'published' ? <Badge tone="success">{t('flows.list.publishedV', { version: flow.publishedVersion ?? '' })}</Badge> : flow.publishedVersion !== null ? <Badge tone="warning">{t('flows.list.unpublished')}</Badge> : <Badge>{t('flows.list.draft')}</Badge>;

  const stepsTab = (
    <div class="flow-editor-steps">
      <StepList
        draft={draft}
        selected={selected}
        withIssues={withIssues}
        onSelect={setSelected}
        onAdd={(type) => {
          setDraft(addStep(draft, type, selected));
          setSelected(selected + 1);
        }}
        onMove={(from, to) => {
          setDraft(moveStep(draft, from, to));
          setSelected(selectionAfterMove(selected, from, to, draft.steps.length));
        }}
        onRemove={(i) => {
          setDraft(removeStep(draft, i));
          setSelected(selectionAfterRemove(selected, i, draft.steps.length));
        }}
      />
      <div class="flow-step-form">
        {step !== undefined && (
          <StepForm key={selected} step={step} index={selected} kind={draft.kind} onChange={(s) => setDraft(updateStep(draft, selected, () => s))} locale={locale} onLocale={setLocale} issues={issues} events={options.events} />
        )}
      </div>
      <aside class="flow-preview-pane" aria-label={t('flows.preview.label')}>
        <div class="flow-row">
          <h2 class="card-title">{t('flows.preview.title')}</h2>
          <select class="input input-sm" aria-label={t('flows.preview.locale')} value={locale} onChange={(e) => setLocale(e.currentTarget.value)}>
            {[...new Set(['en', 'zh-CN', ...(step ? Object.keys(step.content) : [])])].map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </div>
        {/* The builder-mode work adds "Preview on my page" here. */}
        <PreviewActions draft={draft} flowId={flow?.id ?? null} stepIndex={selected} locale={locale} />
        <StepPreview draft={draft} index={selected} locale={locale} onSelect={setSelected} />
      </aside>
    </div>
  );

  const tabs = [
    { id: 'steps', label: t('flows.tab.steps'), render: () => stepsTab },
    { id: 'audience', label: t('flows.tab.audience'), render: () => <AudienceBuilder audience={draft.audience as Audience | undefined} onChange={(audience) => setDraft({ ...draft, audience })} issues={issues} options={options} /> },
    { id: 'delivery', label: t('flows.tab.delivery'), render: () => <DeliveryPanel draft={draft} onChange={setDraft} issues={issues} events={options.events} /> },
    { id: 'json', label: t('flows.tab.json'), render: () => <JsonView draft={draft} onApply={setDraft} /> },
    ...(flow === null ? [] : [{ id: 'versions', label: t('flows.tab.versions'), render: () => <VersionsPanel api={api} id={flow.id} live={flow.status === 'published' ? flow.publishedVersion : null} /> }]),
  ];
  const fieldPaths = issues.map((i) => i.path).filter((p) => p !== '');

  return (
    <>
      <PageHeader
        title={draft.name || t('flows.editor.untitled')}
        back={<a href={href('/flows')}>← {t('flows.list.title')}</a>}
        description={<span class="flow-row">{t(`flows.kindName.${draft.kind}`)} {status} {state.dirty && <Badge tone="warning">{t('flows.editor.unsaved')}</Badge>}</span>}
        actions={
          <>
            {flow !== null && <LinkButton href={href(`${pathTo('/flows', flow.id)}/report`)}>{t('flows.editor.report')}</LinkButton>}
            {flow?.status === 'published' && <Button busy={busy === 'unpublish'} onClick={onUnpublish}>{t('flows.editor.unpublish')}</Button>}
            <Button busy={busy === 'save'} disabled={flow !== null && !state.dirty} onClick={onSave}>{t('flows.editor.save')}</Button>
            <Button variant="primary" busy={busy === 'publish'} onClick={onPublish}>{flow?.status === 'published' && !state.dirty ? t('flows.editor.republish') : t('flows.editor.publish')}</Button>
          </>
        }
      />
      <div class="sr-only" aria-live="polite">{notice}</div>
      {notice !== '' && <p class="flow-notice" role="status">{notice}</p>}
      <FormError message={formMessage(error, fieldPaths, t('flows.editor.failed'))} />
      {issues.length > 0 && (
        <div class="form-error" role="alert">
          {t('flows.editor.issues', { count: issues.length })}
          <ul class="small">
            {issues.slice(0, 6).map((i) => <li key={i.path + i.message}><code>{i.path || '—'}</code> {i.message}</li>)}
          </ul>
        </div>
      )}
      <Card>
        <div class="form-grid">
          <Field label={t('flows.editor.name')} error={issueUnder(issues, 'name')}>
            {(p) => <input {...p} class="input" value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />}
          </Field>
          <Field label={t('flows.editor.kind')} hint={t('flows.editor.kindHint')} error={issueUnder(issues, 'kind')}>
            {(p) => (
              <select {...p} class="input" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as FlowKind })}>
                {FLOW_KINDS.map((k) => <option key={k} value={k}>{t(`flows.kindName.${k}`)}</option>)}
              </select>
            )}
          </Field>
          {flow === null && (
            <Field label={t('flows.editor.id')} hint={t('flows.editor.idHint')} error={issueUnder(issues, 'id')}>
              {(p) => <input {...p} class="input mono" value={draft.id ?? ''} onInput={(e) => {
                const { id: _id, ...rest } = draft;
                setDraft(e.currentTarget.value === '' ? rest : { ...rest, id: e.currentTarget.value });
              }} />}
            </Field>
          )}
        </div>
      </Card>
      <Card>
        <Tabs key={tab.n} label={t('flows.editor.sections')} tabs={tabs} initial={tab.id} />
      </Card>
      <datalist id="flow-event-names">
        {options.events.map((e) => <option key={e} value={e} />)}
      </datalist>
      {flow !== null && (
        <div class="flow-danger">
          <Button variant="danger" busy={busy === 'delete'} onClick={onDelete}>{t('flows.editor.delete')}</Button>
        </div>
      )}
    </>
  );
}

// The definition as JSON for power users: edit freely, apply when it parses and the schema accepts it.
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/context';
import { Button, Field } from '../../../ui';
import type { Draft } from './starters';
import { validateDraft } from './validate';

export function JsonView({ draft, onApply }: { draft: Draft; onApply: (draft: Draft) => void }) {
  const { t } = useI18n();
  const original = JSON.stringify(draft, null, 2);
  const [text, setText] = useState(original);
  const [problems, setProblems] = useState<string[]>([]);
  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setProblems([t('flows.json.invalid', { message: e instanceof Error ? e.message : String(e) })]);
      return;
    }
    const issues = validateDraft(parsed);
    setProblems(issues.map((i) => `${i.path || '(root)'}: ${i.message}`));
    if (issues.length === 0) onApply(parsed as Draft);
  };
  return (
    <div class="stack">
      <Field label={t('flows.json.label')} hint={t('flows.json.hint')} error={problems.length > 0 ? problems.join(' · ') : undefined}>
        {(p) => <textarea {...p} class="input mono flow-json" rows={24} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <div class="flow-row">
        <Button variant="primary" disabled={text === original} onClick={apply}>{t('flows.json.apply')}</Button>
        <Button variant="ghost" disabled={text === original} onClick={() => { setText(original); setProblems([]); }}>{t('flows.json.revert')}</Button>
      </div>
    </div>
  );
}

// The audience rule builder: groups (all / any / not) of conditions on traits, the account,
// segments, stage, days since start or inactive, events and other flows (contracts/audience.ts).
import type { Audience } from '@onward/server/contracts';
import { useI18n } from '../../../i18n/context';
import { Button } from '../../../ui';
import { addToGroup, groupItems, isGroup, newCondition, nodeKind, removeFromGroup, replaceInGroup, setCombinator, CONDITION_KINDS, type ConditionKind, type Group } from './audience';
import { ConditionEditor, type AudienceOptions } from './condition-editor';
import { issueUnder, type Issues } from './validate';

type Props = { audience: Audience | undefined; onChange: (audience: Audience | undefined) => void; issues: Issues; options: AudienceOptions };

export function AudienceBuilder({ audience, onChange, issues, options }: Props) {
  const { t } = useI18n();
  if (audience === undefined) {
    return (
      <div class="stack">
        <p>{t('flows.audience.everyone')}</p>
        <div>
          <Button onClick={() => onChange({ all: [newCondition('trait')] })}>{t('flows.audience.addRule')}</Button>
        </div>
      </div>
    );
  }
  const root: Group = isGroup(audience) ? audience : { all: [audience] };
  return (
    <div class="stack">
      <GroupEditor group={root} onChange={onChange} path="audience" issues={issues} options={options} depth={0} />
      <div>
        <Button variant="ghost" onClick={() => onChange(undefined)}>{t('flows.audience.clear')}</Button>
      </div>
    </div>
  );
}

type NodeProps = { path: string; issues: Issues; options: AudienceOptions; depth: number };

function GroupEditor({ group, onChange, path, issues, options, depth }: NodeProps & { group: Group; onChange: (g: Group) => void }) {
  const { t } = useI18n();
  const key = 'all' in group ? 'all' : 'any';
  const items = groupItems(group);
  const hints = { segment: options.segments[0], event: options.events[0], flow: options.flows[0] };
  return (
    <fieldset class="flow-group" data-depth={depth}>
      <legend class="flow-group-legend">
        <select class="input input-sm" aria-label={t('flows.audience.combinator')} value={key} onChange={(e) => onChange(setCombinator(group, e.currentTarget.value as 'all' | 'any'))}>
          <option value="all">{t('flows.audience.all')}</option>
          <option value="any">{t('flows.audience.any')}</option>
        </select>
      </legend>
      {issueUnder(issues, path) !== undefined && items.length === 0 && <p class="field-error">{issueUnder(issues, path)}</p>}
      {items.length === 0 && <p class="small muted">{t('flows.audience.emptyGroup')}</p>}
      <ul class="flow-conditions">
        {items.map((node, i) => (
          <li key={i}>
            <NodeEditor node={node} onChange={(n) => onChange(replaceInGroup(group, i, n))} onRemove={() => onChange(removeFromGroup(group, i))} path={`${path}.${key}.${i}`} issues={issues} options={options} depth={depth + 1} />
          </li>
        ))}
      </ul>
      <div class="flow-row">
        <select class="input input-sm" aria-label={t('flows.audience.addWhat')} value="" onChange={(e) => {
          const v = e.currentTarget.value;
          e.currentTarget.value = '';
          if (v === 'all' || v === 'any') onChange(addToGroup(group, v === 'all' ? { all: [] } : { any: [] }));
          else if (v === 'not') onChange(addToGroup(group, { not: newCondition('trait') }));
          else if (v !== '') onChange(addToGroup(group, newCondition(v as ConditionKind, hints)));
        }}>
          <option value="">{t('flows.audience.add')}</option>
          {CONDITION_KINDS.map((k) => <option key={k} value={k}>{t(`flows.cond.${k}`)}</option>)}
          <option value="all">{t('flows.audience.addAll')}</option>
          <option value="any">{t('flows.audience.addAny')}</option>
          <option value="not">{t('flows.audience.addNot')}</option>
        </select>
      </div>
    </fieldset>
  );
}

function NodeEditor({ node, onChange, onRemove, path, issues, options, depth }: NodeProps & { node: Audience; onChange: (n: Audience) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const kind = nodeKind(node);
  const remove = (
    <Button size="sm" variant="ghost" aria-label={t('flows.audience.remove')} onClick={onRemove}>✕</Button>
  );
  if (isGroup(node)) {
    return (
      <div class="flow-row flow-row-top">
        <GroupEditor group={node} onChange={onChange} path={path} issues={issues} options={options} depth={depth} />
        {remove}
      </div>
    );
  }
  if ('not' in node) {
    return (
      <div class="flow-not">
        <div class="flow-row">
          <span class="strong">{t('flows.audience.not')}</span>
          {remove}
        </div>
        <NodeEditor node={node.not} onChange={(n) => onChange({ not: n })} onRemove={onRemove} path={`${path}.not`} issues={issues} options={options} depth={depth + 1} />
      </div>
    );
  }
  return (
    <div class="flow-condition">
      <ConditionEditor kind={kind as ConditionKind} condition={node} onChange={onChange} options={options} />
      {remove}
      {issueUnder(issues, path) !== undefined && <p class="field-error">{issueUnder(issues, path)}</p>}
    </div>
  );
}

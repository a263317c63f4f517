// "New flow": pick a kind; the editor opens with that kind's starter definition (not saved yet).
import { href } from '../../../shared/router';
import { useI18n } from '../../../i18n/context';
import { Button, Card } from '../../../ui';
import { FLOW_KINDS } from '../editor/starters';

export function NewFlowChooser({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Card title={t('flows.new.title')} description={t('flows.new.description')} actions={<Button variant="ghost" size="sm" onClick={onClose}>{t('flows.new.cancel')}</Button>}>
      <ul class="flow-kinds">
        {FLOW_KINDS.map((k) => (
          <li key={k}>
            <a class="flow-kind" href={href(`/flows/new?kind=${k}`)}>
              <span class="strong">{t(`flows.kindName.${k}`)}</span>
              <span class="small muted">{t(`flows.kindHint.${k}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

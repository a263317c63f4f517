// Identity verification: the switch, and the secret the vendor's backend signs user ids with.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/context';
import { Button, Card, CodeBlock, CopyButton } from '../../ui';

const SIGNING_EXAMPLE = `// On your server (Node.js): sign the signed-in user's id…
import { createHmac } from 'node:crypto';
const userHash = createHmac('sha256', process.env.ONWARD_IDENTITY_SECRET).update(user.id).digest('hex');

// …and pass it to the page, which identifies with it.
Onward.identify(user.id, traits, { userHash });`;

type Props = { enabled: boolean; secret: string; onChange: (enabled: boolean) => void };

export function IdentityCard({ enabled, secret, onChange }: Props) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <Card title={t('settings.identity.title')} description={t('settings.identity.description')}>
      <div class="stack">
        <label class="switch">
          <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onChange(e.currentTarget.checked)} />
          <span>{t('settings.identity.toggle')}</span>
        </label>
        <div>
          <p class="field-label">{t('settings.identity.secret')}</p>
          <div class="key-row">
            <code class="key">{shown ? secret : '•'.repeat(Math.min(secret.length, 32))}</code>
            <Button size="sm" variant="ghost" onClick={() => setShown(!shown)} aria-pressed={shown}>
              {shown ? t('settings.identity.hide') : t('settings.identity.show')}
            </Button>
            <CopyButton text={secret} />
          </div>
          <p class="field-hint">{t('settings.identity.secretHint')}</p>
        </div>
        <CodeBlock label={t('settings.identity.example')} code={SIGNING_EXAMPLE} />
      </div>
    </Card>
  );
}

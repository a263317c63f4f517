// Boot: theme and language before the first paint, then the app.
import { render } from 'preact';
import { App } from './app/app';
import { SessionProvider } from './shared/session';
import { applyTheme, storedTheme } from './app/theme';
import { I18nProvider, initialLocale } from './i18n/context';
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';
import './styles/shell.css';
import './styles/pages.css';

applyTheme(storedTheme());
const locale = initialLocale();
document.documentElement.lang = locale;

const root = document.getElementById('app');
if (root !== null) {
  render(
    <I18nProvider initial={locale}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>,
    root,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import loaders from 'virtual:pulse-messages';
import { App } from './App.js';
import { browserLanguage, useLanguage } from './i18n/language.js';
import { setCatalogueLoaders, setLanguage } from './i18n/runtime.js';
import './styles.css';

/** Re-renders the whole interface when the language changes; state in the tree stays. */
function Localised() {
  useLanguage();
  return <App />;
}

// A member's pages (a pulse link, a conversation link) need only the pulse page's messages.
setCatalogueLoaders(loaders, /^\/[pc]\//.test(location.pathname) ? 'pulse' : 'all');
const root = createRoot(document.getElementById('root')!);
// Only the starting language's catalogue is downloaded; the pulse page and the session may switch it.
void setLanguage(browserLanguage())
  .catch(() => undefined)
  .then(() =>
    root.render(
      <StrictMode>
        <Localised />
      </StrictMode>,
    ),
  );

import type { Role } from '@pulse/shared';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { LanguageChoice } from './LanguageChoice.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { useSession } from './SessionProvider.js';
import './access.css';

/** Dashboard pages, each shown to the roles that may open it. */
export const NAV: { href: string; label: MessageKey; roles: Role[] }[] = [
  { href: '/insights', label: 'nav.insights', roles: ['admin', 'hr', 'leader'] },
  { href: '/actions', label: 'nav.actions', roles: ['admin', 'hr', 'leader'] },
  { href: '/teams', label: 'nav.teams', roles: ['admin', 'hr', 'leader'] },
  { href: '/members', label: 'nav.members', roles: ['admin', 'hr', 'leader'] },
  { href: '/customers', label: 'nav.customers', roles: ['admin', 'hr', 'leader'] },
  { href: '/guide/remedies', label: 'nav.guide', roles: ['admin', 'hr', 'leader'] },
  { href: '/pulses', label: 'nav.pulses', roles: ['admin', 'hr'] },
  { href: '/users', label: 'nav.users', roles: ['admin', 'hr'] },
  { href: '/exports', label: 'nav.exports', roles: ['admin', 'hr'] },
  { href: '/audit', label: 'nav.audit', roles: ['admin', 'hr'] },
  { href: '/outbox', label: 'nav.outbox', roles: ['admin'] },
  { href: '/settings', label: 'nav.settings', roles: ['admin'] },
];

/** Header with navigation for the signed-in user's role, and the page in `<main>`. */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const [location, navigate] = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  // On a phone the navigation folds into a menu, which closes again once a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPage, setMenuPage] = useState(location);
  if (menuPage !== location) {
    setMenuPage(location);
    setMenuOpen(false);
  }
  const user = session.user;
  const signOut = async () => {
    setSigningOut(true);
    try {
      await session.signOut();
      navigate('/login?signedOut=1');
    } finally {
      setSigningOut(false);
    }
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="shell-header">
        <Link href="/" className="shell-brand">
          {t('app.name')}
        </Link>
        {user && (
          <button
            type="button"
            className="button-secondary shell-menu-button"
            aria-expanded={menuOpen}
            aria-controls="shell-menu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('nav.menu')}
          </button>
        )}
        {user && (
          <div id="shell-menu" className={`shell-menu${menuOpen ? ' open' : ''}`}>
            <nav aria-label={t('nav.label')}>
              <ul className="shell-nav">
                {NAV.filter((item) => item.roles.includes(user.role)).map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={location.startsWith(item.href) ? 'page' : undefined}>
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="shell-user">
              <span>{t('nav.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}</span>
              <button type="button" className="button-secondary" onClick={() => void signOut()} disabled={signingOut}>
                {t('nav.signOut')}
              </button>
            </div>
          </div>
        )}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
      {user && (
        // Below the page, so the header's navigation keeps one line at 1366 px in every language.
        <footer className="shell-footer">
          <LanguageChoice key={session.ownLanguage ?? ''} own={session.ownLanguage} />
        </footer>
      )}
    </>
  );
}

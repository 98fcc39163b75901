import { Link } from 'wouter';
import { t } from '../i18n/messages.js';

export function NotFoundPage() {
  return (
    <main className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link href="/">{t('notFound.home')}</Link>
    </main>
  );
}

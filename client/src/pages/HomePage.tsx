import { useHealth } from '../api/health.js';
import { Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';

export function HomePage() {
  const health = useHealth();
  return (
    <main className="page">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <Resource state={health}>{() => <p>{t('home.status', { status: t('home.statusOk') })}</p>}</Resource>
    </main>
  );
}

import type { AuditEntry } from '@pulse/shared';
import { useEffect, useState } from 'react';
import { fetchAudit } from '../api/audit.js';
import { FormError } from '../components/forms.js';
import { EmptyState, Loading } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { formatDateTime } from '../i18n/dates.js';

const FILTERS: { value: string; label: MessageKey }[] = [
  { value: '', label: 'audit.all' },
  { value: 'auth.', label: 'audit.signIns' },
  { value: 'teams.', label: 'audit.teams' },
  { value: 'members.', label: 'audit.imports' },
  { value: 'users.', label: 'audit.users' },
  { value: 'settings.', label: 'audit.settings' },
  { value: 'exports.', label: 'audit.exports' },
];

const formatDetails = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');

/** The append-only audit log, newest first, for HR and admins. */
export function AuditPage() {
  const [filter, setFilter] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const load = useAction(fetchAudit);
  const { run } = load;

  useEffect(() => {
    let current = true;
    void run({ action: filter }).then((page) => {
      if (!current || !page) return;
      setEntries(page.entries);
      setNextBefore(page.nextBefore);
    });
    return () => {
      current = false;
    };
  }, [filter, run]);

  const older = async () => {
    const page = await run({ action: filter, before: nextBefore });
    if (!page) return;
    setEntries((prev) => [...(prev ?? []), ...page.entries]);
    setNextBefore(page.nextBefore);
  };

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <div className="field">
        <label htmlFor="audit-filter">{t('audit.filter')}</label>
        <select id="audit-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </div>
      <FormError error={load.error} />
      {entries === null ? (
        load.error ? null : (
          <Loading />
        )
      ) : entries.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <ScrollTable
          label={t('audit.title')}
          headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.target'), t('audit.details')]}
        >
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>{e.actorEmail ?? t('audit.nobody')}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td className="break">{e.target ?? ''}</td>
              <td className="break">{formatDetails(e.details)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {nextBefore !== null && (
        <button type="button" className="button-secondary" onClick={() => void older()} disabled={load.pending}>
          {t('audit.older')}
        </button>
      )}
    </>
  );
}

import { useState } from 'react';
import { useMatrix } from '../api/customers.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { EmptyState, Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';

const figure = (f: { mean: number; n: number } | null | undefined) =>
  f ? (
    <>
      <strong>{Math.round(f.mean)}</strong> <span className="muted">(n {f.n})</span>
    </>
  ) : (
    <span className="muted">
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('matrix.blank')}</span>
    </span>
  );

/** A team path that may wrap after each "/" (a zero-width space), so the matrix fits a laptop's width. */
const breakable = (path: string) => path.replaceAll('/', '/\u200b');

/** Providers × customer teams for one closed pulse (HR and admins); blank where a figure may not be shown. */
export function PartnerMatrix() {
  const [cycleId, setCycleId] = useState('');
  const matrix = useMatrix(cycleId);
  return (
    <section className="panel stack" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('matrix.title')}</h2>
      <Resource state={matrix}>
        {(data) => (
          <>
            <p className="hint">{t('matrix.intro', { k: data.threshold })}</p>
            {data.cycles.length > 0 && (
              <div className="field narrow">
                <label htmlFor="matrix-cycle">{t('matrix.cycle')}</label>
                <select id="matrix-cycle" value={cycleId || data.cycle?.id || ''} onChange={(e) => setCycleId(e.target.value)}>
                  {data.cycles.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {data.providers.length === 0 ? (
              <EmptyState>{t('matrix.empty')}</EmptyState>
            ) : (
              <ScrollTable
                label={t('matrix.table', { cycle: data.cycle?.label ?? '' })}
                headers={[t('matrix.provider'), t('matrix.total'), ...data.customers.map((c) => breakable(c.path))]}
              >
                {data.providers.map((p) => (
                  <tr key={p.teamId}>
                    <th scope="row">{breakable(p.path)}</th>
                    <td title={p.reason}>{figure(p.total)}</td>
                    {data.customers.map((c) => (
                      <td key={c.teamId}>
                        {figure(data.cells.find((cell) => cell.providerId === p.teamId && cell.customerId === c.teamId))}
                      </td>
                    ))}
                  </tr>
                ))}
              </ScrollTable>
            )}
          </>
        )}
      </Resource>
    </section>
  );
}

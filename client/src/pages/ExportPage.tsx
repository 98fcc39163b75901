import { exportFormats, type ExportFormat } from '@pulse/shared/vocabulary';
import { exportUrl } from '../api/exports.js';
import { t } from '../i18n/messages.js';
import { RangeForm } from './insights/RangeForm.js';
import { useQueryState } from './insights/use-query-state.js';
import './insights/insights.css';
import { formatDate } from '../i18n/dates.js';

/**
 * Export of the aggregates (/exports?format=&from=&to=): the range and format chosen here go
 * into the download link; the server streams the file and writes it to the audit log.
 */
export function ExportPage() {
  const [params, set] = useQueryState();
  const format: ExportFormat = exportFormats.find((f) => f === params.get('format')) ?? 'csv';
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  return (
    <div className="insights narrow-wide">
      <h1>{t('export.title')}</h1>
      <p>{t('export.intro')}</p>
      <section aria-labelledby="export-range" className="panel">
        <h2 id="export-range">{t('export.rangeTitle')}</h2>
        <p className="hint">{t('export.rangeHint')}</p>
        <RangeForm
          key={`${range.from ?? ''}:${range.to ?? ''}`}
          range={range}
          applyLabel={t('export.useDates')}
          onChange={(next) => set({ from: next.from, to: next.to })}
        />
        <fieldset className="format-choice">
          <legend>{t('export.format')}</legend>
          {exportFormats.map((f) => (
            <label key={f} className="checkbox">
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                onChange={() => set({ format: f === 'csv' ? undefined : f })}
              />
              {t(`export.format.${f}`)}
            </label>
          ))}
        </fieldset>
        <p className="export-summary">
          {range.from || range.to
            ? t('export.rangeSome', {
                from: range.from ? formatDate(range.from) : t('export.first'),
                to: range.to ? formatDate(range.to) : t('export.last'),
              })
            : t('export.rangeAll')}
        </p>
        <a className="button-link" href={exportUrl(format, range)} download>
          {t('export.download', { format: format.toUpperCase() })}
        </a>
      </section>
      <section aria-labelledby="export-about" className="panel">
        <h2 id="export-about">{t('export.aboutTitle')}</h2>
        <ul>
          <li>{t('export.aboutRows')}</li>
          <li>{t('export.aboutHidden')}</li>
          <li>{t('export.aboutFormulas')}</li>
          <li>{t('export.aboutAudit')}</li>
        </ul>
      </section>
    </div>
  );
}

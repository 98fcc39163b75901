import type { ReactNode } from 'react';
import type { ApiRequestError } from '../api/client.js';
import { t } from '../i18n/messages.js';
import { FormError, Notice } from './forms.js';
import { ScrollTable } from './ScrollTable.js';

/** What a CSV import's dry run found: a summary line and the first rows, as table cells. */
export interface ImportPreview {
  ready: string;
  headers: string[];
  rows: { key: string | number; cells: ReactNode[] }[];
}

/**
 * The two steps of a CSV import, as the member and customer-map imports share them: choose a
 * file (the caller runs a dry run), see every bad line or a preview with exact counts, then
 * confirm or choose another file. `options` sits under the file picker.
 */
export function CsvImportPanel(props: {
  id: string;
  title: string;
  format: string;
  fileName: string | null;
  onChoose(file: File): void;
  options?: ReactNode;
  checking: boolean;
  checkError: ApiRequestError | null;
  preview: ImportPreview | null;
  committing: boolean;
  onConfirm(): void;
  onCancel(): void;
  commitError: ApiRequestError | null;
  done: string;
}) {
  const { id, preview, fileName } = props;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{props.title}</h2>
      <p className="hint">{props.format}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onChoose(file);
            e.target.value = '';
          }}
        />
      </div>
      {props.options}
      {props.checking && <p role="status">{t('import.checking')}</p>}
      <FormError error={props.checkError} title={fileName ? t('import.problems', { file: fileName }) : undefined} />
      {preview && fileName && (
        <div className="stack">
          <p role="status">{preview.ready}</p>
          <ScrollTable
            label={t('import.previewLabel')}
            caption={t('import.previewCaption', { count: preview.rows.length })}
            headers={preview.headers}
          >
            {preview.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </ScrollTable>
          <div className="actions">
            <button type="button" onClick={props.onConfirm} disabled={props.committing}>
              {props.committing ? t('import.importing') : t('import.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={props.onCancel}>
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
      <FormError error={props.commitError} />
      <Notice>{props.done}</Notice>
    </section>
  );
}

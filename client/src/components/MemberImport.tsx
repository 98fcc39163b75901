import type { ImportResult } from '@pulse/shared';
import { useState } from 'react';
import { importMembers } from '../api/members.js';
import { t } from '../i18n/messages.js';
import { FormError, Notice } from './forms.js';
import { useAction } from './use-action.js';
import { ScrollTable } from './ScrollTable.js';

const counts = (r: ImportResult) =>
  t('import.counts', { created: r.created, updated: r.updated, unchanged: r.unchanged, deactivated: r.deactivated, teams: r.teamsCreated });

/**
 * CSV import in two steps: choosing a file runs a dry run on the server (exact counts, a
 * preview, or every bad line); only then can the import itself be confirmed.
 */
export function MemberImport({ onImported }: { onImported(): void }) {
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState('');
  const check = useAction((text: string, deactivate: boolean) => importMembers(text, { dryRun: true, deactivateMissing: deactivate }));
  const commit = useAction((text: string, deactivate: boolean) => importMembers(text, { dryRun: false, deactivateMissing: deactivate }));

  const runCheck = async (file: { name: string; text: string }, deactivate: boolean) => {
    setPreview(null);
    setDone('');
    setPreview((await check.run(file.text, deactivate)) ?? null);
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const chosen = { name: file.name, text: await file.text() };
    setCsv(chosen);
    await runCheck(chosen, deactivateMissing);
  };
  const confirm = async () => {
    if (!csv) return;
    const result = await commit.run(csv.text, deactivateMissing);
    if (!result) return;
    setDone(t('import.done', { file: csv.name, counts: counts(result) }));
    setPreview(null);
    setCsv(null);
    onImported();
  };

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.title')}</h2>
      <p className="hint">{t('import.format')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={deactivateMissing}
          onChange={(e) => {
            setDeactivateMissing(e.target.checked);
            if (csv) void runCheck(csv, e.target.checked);
          }}
        />{' '}
        {t('import.deactivateMissing')}
      </label>
      {check.pending && <p role="status">{t('import.checking')}</p>}
      <FormError error={check.error} title={csv ? t('import.problems', { file: csv.name }) : undefined} />
      {preview && csv && (
        <div className="stack">
          <p role="status">{t('import.ready', { file: csv.name, counts: counts(preview) })}</p>
          <ScrollTable
            label={t('import.previewLabel')}
            caption={t('import.previewCaption', { count: preview.preview.length })}
            headers={[t('import.line'), t('members.email'), t('members.name'), t('members.team'), t('members.role')]}
          >
            {preview.preview.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{row.email}</td>
                <td>{row.name}</td>
                <td>{row.team}</td>
                <td>{t(`role.${row.role}`)}</td>
              </tr>
            ))}
          </ScrollTable>
          <div className="actions">
            <button type="button" onClick={() => void confirm()} disabled={commit.pending}>
              {commit.pending ? t('import.importing') : t('import.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => (setCsv(null), setPreview(null))}>
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
      <FormError error={commit.error} />
      <Notice>{done}</Notice>
    </section>
  );
}

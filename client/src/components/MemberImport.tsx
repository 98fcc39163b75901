import type { ImportResult } from '@pulse/shared';
import { useState } from 'react';
import { importMembers } from '../api/members.js';
import { t } from '../i18n/messages.js';
import { CsvImportPanel } from './CsvImportPanel.js';
import { useAction } from './use-action.js';

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
  const choose = async (file: File) => {
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
    <CsvImportPanel
      id="import"
      title={t('import.title')}
      format={t('import.format')}
      fileName={csv?.name ?? null}
      onChoose={(file) => void choose(file)}
      options={
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
      }
      checking={check.pending}
      checkError={check.error}
      preview={
        preview && csv
          ? {
              ready: t('import.ready', { file: csv.name, counts: counts(preview) }),
              headers: [t('import.line'), t('members.email'), t('members.name'), t('members.team'), t('members.role')],
              rows: preview.preview.map((row) => ({
                key: row.line,
                cells: [row.line, row.email, row.name, row.team, t(`role.${row.role}`)],
              })),
            }
          : null
      }
      committing={commit.pending}
      onConfirm={() => void confirm()}
      onCancel={() => (setCsv(null), setPreview(null))}
      commitError={commit.error}
      done={done}
    />
  );
}

import type { CustomerImportResult } from '@pulse/shared/api/customers';
import { useState } from 'react';
import { importCustomerMap } from '../api/customers.js';
import { CsvImportPanel } from '../components/CsvImportPanel.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

const counts = (r: CustomerImportResult) => t('customers.importCounts', { created: r.created, updated: r.updated, unchanged: r.unchanged });

/**
 * The customer map from CSV, as the member import works: choosing a file runs a dry run on the
 * server (exact counts and a preview, or every bad line); only then can the import be confirmed.
 */
export function CustomerImport({ onImported }: { onImported(): void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<CustomerImportResult | null>(null);
  const [done, setDone] = useState('');
  const check = useAction((text: string) => importCustomerMap(text, true));
  const commit = useAction((text: string) => importCustomerMap(text, false));

  const choose = async (chosen: File) => {
    const next = { name: chosen.name, text: await chosen.text() };
    setFile(next);
    setPreview(null);
    setDone('');
    setPreview((await check.run(next.text)) ?? null);
  };
  const confirm = async () => {
    if (!file) return;
    const result = await commit.run(file.text);
    if (!result) return;
    setDone(t('customers.importDone', { file: file.name, counts: counts(result) }));
    setPreview(null);
    setFile(null);
    onImported();
  };

  return (
    <CsvImportPanel
      id="customer-import"
      title={t('customers.importTitle')}
      format={t('customers.importFormat')}
      fileName={file?.name ?? null}
      onChoose={(chosen) => void choose(chosen)}
      checking={check.pending}
      checkError={check.error}
      preview={
        preview && file
          ? {
              ready: t('customers.importReady', { file: file.name, counts: counts(preview) }),
              headers: [t('import.line'), t('customers.provider'), t('customers.customers'), t('customers.relationship')],
              rows: preview.preview.map((row) => ({
                key: row.line,
                cells: [row.line, row.provider, row.customer, t(`customers.${row.relationship}`)],
              })),
            }
          : null
      }
      committing={commit.pending}
      onConfirm={() => void confirm()}
      onCancel={() => (setFile(null), setPreview(null))}
      commitError={commit.error}
      done={done}
    />
  );
}

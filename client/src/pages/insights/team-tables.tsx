import { ScrollTable } from '../../components/ScrollTable.js';
import { fmt, fmtCi, type FortressDatum, type ResponseDatum, type TrendDatum } from '../../charts/shape.js';
import { t } from '../../i18n/messages.js';

/** A hidden cycle's row: the reason across the figure columns, never a zero. */
function HiddenCells({ span, reason }: { span: number; reason: string }) {
  return (
    <td colSpan={span} className="cell-hidden">
      {t('charts.hiddenBecause', { reason })}
    </td>
  );
}

/** The trend chart's figures: mean, 95% CI and n per cycle, and the comparison's mean. */
export function TrendTable({ title, data, comparisonName }: { title: string; data: TrendDatum[]; comparisonName: string | null }) {
  const headers = [t('table.cycle'), t('table.mean'), t('table.ci'), t('table.n')];
  if (comparisonName) headers.push(t('table.comparison', { name: comparisonName }));
  return (
    <ScrollTable label={t('table.label', { title })} headers={headers}>
      {data.map((d) => (
        <tr key={d.key}>
          <th scope="row">{d.label}</th>
          {d.hidden ? (
            <HiddenCells span={3} reason={d.hidden} />
          ) : (
            <>
              <td>{fmt(d.mean!)}</td>
              <td>{fmtCi(d.band)}</td>
              <td>{d.n}</td>
            </>
          )}
          {comparisonName && <td>{d.comparison === null ? t('table.hidden') : fmt(d.comparison)}</td>}
        </tr>
      ))}
    </ScrollTable>
  );
}

export function FortressTable({ title, data }: { title: string; data: FortressDatum[] }) {
  return (
    <ScrollTable label={t('table.label', { title })} headers={[t('table.cycle'), t('charts.fortressIndex')]}>
      {data.map((d) => (
        <tr key={d.key}>
          <th scope="row">{d.label}</th>
          {d.hidden ? <HiddenCells span={1} reason={d.hidden} /> : <td>{d.value === null ? t('charts.noBaseline') : fmt(d.value)}</td>}
        </tr>
      ))}
    </ScrollTable>
  );
}

export function ResponseTable({ title, data }: { title: string; data: ResponseDatum[] }) {
  return (
    <ScrollTable
      label={t('table.label', { title })}
      headers={[t('table.cycle'), t('table.responded'), t('table.invited'), t('table.rate')]}
    >
      {data.map((d) => (
        <tr key={d.key}>
          <th scope="row">{d.label}</th>
          <td>{d.responded}</td>
          <td>{d.invited}</td>
          <td>{d.rate === null ? '' : `${Math.round(d.rate)}%`}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

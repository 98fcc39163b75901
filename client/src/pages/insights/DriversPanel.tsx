import type { DriversResponse } from '@pulse/shared/api/scales';
import { Link } from 'wouter';
import { useDrivers } from '../../api/scales.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { Resource } from '../../components/states.js';
import { t } from '../../i18n/messages.js';
import './scales.css';

const percent = (x: number) => Math.round(x * 100);

/**
 * "What most goes with people recommending their team": Johnson's relative weights of the four
 * needs on eNPS for the organisation in one cycle, a plain sentence first, then each need's share
 * with its interval. Says so plainly when there are no eNPS answers (HR and admins).
 */
export function DriversPanel({ cycleId }: { cycleId: string }) {
  const drivers = useDrivers(cycleId);
  return (
    <section aria-labelledby="drivers-title" className="panel">
      <h2 id="drivers-title">{t('drivers.title')}</h2>
      <Resource state={drivers}>{(data) => <DriversBody data={data} />}</Resource>
      <p>
        <Link href={`/insights/scales?cycle=${encodeURIComponent(cycleId)}`}>{t('scales.link')}</Link>
      </p>
    </section>
  );
}

function DriversBody({ data }: { data: DriversResponse }) {
  if (data.weights.length === 0 || data.rSquared === null) {
    return <p className="hint">{t(`drivers.reason.${data.reasonCode ?? 'not_computable'}`, { min: data.minimum })}</p>;
  }
  const sorted = [...data.weights].sort((a, b) => b.weight - a.weight);
  const top = sorted[0]!;
  const caption = t('drivers.caption', { cycle: data.cycle?.label ?? '' });
  return (
    <>
      <p>{t('drivers.lead', { need: t(`construct.${top.construct}`), share: percent(top.share) })}</p>
      <p className="hint">{t('drivers.explained', { r2: percent(data.rSquared), n: data.n })}</p>
      <ScrollTable label={caption} caption={caption} headers={[t('drivers.colNeed'), t('drivers.colShare'), t('drivers.colWeight')]}>
        {sorted.map((w) => (
          <tr key={w.construct}>
            <th scope="row">{t(`construct.${w.construct}`)}</th>
            <td>
              <span className="drivers-bar" style={{ width: `${Math.max(2, percent(w.share) * 1.2)}px` }} aria-hidden="true" />
              {percent(w.share)}%
            </td>
            <td>{w.ci ? `${w.weight.toFixed(3)} (${w.ci[0].toFixed(3)}–${w.ci[1].toFixed(3)})` : w.weight.toFixed(3)}</td>
          </tr>
        ))}
      </ScrollTable>
      <p className="hint">{t('drivers.method')}</p>
    </>
  );
}

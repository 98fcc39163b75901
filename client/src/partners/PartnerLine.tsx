import type { TrendPoint } from '@pulse/shared';
import { t } from '../i18n/messages.js';
import { ScrollTable } from '../components/ScrollTable.js';

/** One pulse of the partner line, shaped for a table or a chart: null where nothing may be shown. */
export interface PartnerLinePoint {
  cycleId: string;
  label: string;
  partner: { mean: number; ciLow: number | null; ciHigh: number | null; n: number; raterTeams: number } | null;
  /** The team's own openness score, where its cell is shown. */
  self: number | null;
}

/** The partner line of a trends series, next to the team's own openness (for charts too). */
export function partnerLine(series: readonly TrendPoint[]): PartnerLinePoint[] {
  return series.map((p) => ({ cycleId: p.cycleId, label: p.label, partner: p.partner ?? null, self: p.scores?.openness.mean ?? null }));
}

const round = (x: number) => Math.round(x);

/**
 * "Seen from outside": how the teams that rely on this team rate its responsiveness, with its
 * interval and how many ratings from how many teams, next to its own openness and the gap.
 * Self-contained; the team view includes it as `<PartnerLine series={data.series} team={data.team.name} threshold={data.threshold} />`.
 */
export function PartnerLine({ series, team, threshold }: { series: readonly TrendPoint[]; team: string; threshold: number }) {
  const points = partnerLine(series);
  return (
    <section aria-labelledby="partner-line-title" className="panel partner-line">
      <h2 id="partner-line-title">{t('partnerLine.title')}</h2>
      <p className="hint">{t('partnerLine.intro', { team, k: threshold })}</p>
      {points.every((p) => p.partner === null) ? (
        <p>{t('partnerLine.none')}</p>
      ) : (
        <ScrollTable
          label={t('partnerLine.title')}
          headers={[t('partnerLine.cycle'), t('partnerLine.partners'), t('partnerLine.self'), t('partnerLine.gap')]}
        >
          {points.map((p) => (
            <tr key={p.cycleId}>
              <th scope="row">{p.label}</th>
              <td>
                {p.partner ? (
                  <>
                    <strong>{round(p.partner.mean)}</strong>
                    {p.partner.ciLow !== null && p.partner.ciHigh !== null && ` (${round(p.partner.ciLow)}–${round(p.partner.ciHigh)})`}
                    {`, ${t('partnerLine.count', { n: p.partner.n, teams: p.partner.raterTeams })}`}
                  </>
                ) : (
                  <span className="muted">{t('partnerLine.hidden')}</span>
                )}
              </td>
              <td>{p.self === null ? <span className="muted">{t('partnerLine.hidden')}</span> : round(p.self)}</td>
              <td>{p.partner && p.self !== null ? round(p.self - p.partner.mean) : ''}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

import type { ConstructReliability, ReliabilityResponse } from '@pulse/shared/api/scales';
import { MIN_ORGANISATION_RESPONDENTS, MIN_SUBTREE_RESPONDENTS, RELIABILITY_WARNING_BELOW } from '@pulse/shared/instrument/limits';
import { useReliability } from '../api/scales.js';
import { CycleSelect } from '../components/CycleSelect.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { EmptyState, Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { useQueryState } from './insights/use-query-state.js';
import './insights/insights.css';
import './insights/scales.css';

const fixed = (x: number) => x.toFixed(2);
const withInterval = (x: number, ci: readonly [number, number] | null) => (ci ? `${fixed(x)} (${fixed(ci[0])}–${fixed(ci[1])})` : fixed(x));
const falls = (c: ConstructReliability) => c.alpha < RELIABILITY_WARNING_BELOW || c.omega < RELIABILITY_WARNING_BELOW;

/**
 * About the scales (/insights/scales?cycle=): whether each construct's statements hang together
 * (α, ω, item–total correlations) for the organisation in one closed pulse, with a plain verdict
 * first and a warning for a scale below 0.7. HR and admins.
 */
export function ScalesPage() {
  const [params, update] = useQueryState();
  const reliability = useReliability(params.get('cycle') ?? undefined);
  return (
    <div className="insights scales">
      <h1>{t('scales.title')}</h1>
      <p className="scales-intro">{t('scales.intro')}</p>
      <Resource state={reliability}>{(data) => <ScalesBody data={data} onCycle={(cycle) => update({ cycle })} />}</Resource>
    </div>
  );
}

function ScalesBody({ data, onCycle }: { data: ReliabilityResponse; onCycle(cycle: string): void }) {
  const cycle = data.cycle;
  if (!cycle) return <EmptyState>{t('scales.reason.no_cycle')}</EmptyState>;
  const low = data.constructs.filter(falls);
  return (
    <>
      <div className="filters">
        <CycleSelect label={t('scales.cycle')} cycles={data.cycles} value={cycle.id} onChange={onCycle} />
      </div>
      {data.constructs.length === 0 ? (
        <EmptyState>{t(`scales.reason.${data.reasonCode ?? 'not_computable'}`, { min: MIN_ORGANISATION_RESPONDENTS })}</EmptyState>
      ) : (
        <>
          {low.length > 0 ? (
            <section className="lead-alert alert-warning" aria-labelledby="scales-warning-title">
              <h2 id="scales-warning-title">{t('scales.warningTitle')}</h2>
              <p>{t('scales.warning', { cycle: cycle.label, constructs: low.map((c) => t(`construct.${c.construct}`)).join(', ') })}</p>
            </section>
          ) : (
            <p className="scales-verdict" role="status">
              {t('scales.allGood', { cycle: cycle.label })}
            </p>
          )}
          <ReliabilityTable constructs={data.constructs} caption={t('scales.tableCaption', { cycle: cycle.label, n: data.n })} />
          <p className="hint">{t('scales.howToRead')}</p>
          <section aria-labelledby="items-title" className="panel">
            <h2 id="items-title">{t('scales.itemsTitle')}</h2>
            <div className="chart-grid">
              {data.constructs.map((c) => (
                <ItemTable key={c.construct} construct={c} />
              ))}
            </div>
          </section>
        </>
      )}
      <section aria-labelledby="subtrees-title" className="panel">
        <h2 id="subtrees-title">{t('scales.subtreesTitle')}</h2>
        {data.subtrees.length === 0 ? (
          <p className="hint">{t('scales.noSubtrees', { subtree: MIN_SUBTREE_RESPONDENTS })}</p>
        ) : (
          data.subtrees.map((s) => (
            <ReliabilityTable
              key={s.team.id}
              constructs={s.constructs}
              caption={t('scales.subtreeCaption', { team: s.team.path, n: s.n })}
            />
          ))
        )}
      </section>
      <p className="hint">{t('scales.privacy', { min: MIN_ORGANISATION_RESPONDENTS, subtree: MIN_SUBTREE_RESPONDENTS })}</p>
      <details className="alert-evidence">
        <summary>{t('scales.methodTitle')}</summary>
        <p>{t('scales.method')}</p>
      </details>
    </>
  );
}

function ReliabilityTable({ constructs, caption }: { constructs: ConstructReliability[]; caption: string }) {
  return (
    <ScrollTable
      label={caption}
      caption={caption}
      headers={[t('scales.colScale'), t('scales.colAlpha'), t('scales.colOmega'), t('scales.colStatus')]}
    >
      {constructs.map((c) => (
        <tr key={c.construct}>
          <th scope="row">{t(`construct.${c.construct}`)}</th>
          <td>{withInterval(c.alpha, c.alphaCi)}</td>
          <td>{withInterval(c.omega, c.omegaCi)}</td>
          <td className={falls(c) ? 'scales-low' : undefined}>{falls(c) ? t('scales.low') : t('scales.ok')}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function ItemTable({ construct }: { construct: ConstructReliability }) {
  const caption = t('scales.itemsCaption', { construct: t(`construct.${construct.construct}`) });
  return (
    <ScrollTable label={caption} caption={caption} headers={[t('scales.colItem'), t('scales.colItemTotal')]}>
      {construct.items.map((item) => (
        <tr key={item.id}>
          <th scope="row" className="scales-item">
            {item.text} {item.reverse && <span className="hint">{t('scales.reversed')}</span>}
          </th>
          <td>{fixed(item.itemTotal)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

import type { TrendsResponse } from '@pulse/shared';
import { ChartFigure } from '../../charts/ChartFigure.js';
import { TrendChart } from '../../charts/lazy.js';
import { enpsColour, itemColour } from '../../charts/palette.js';
import { enpsSeries, itemSeries, shownItems } from '../../charts/shape.js';
import { PANEL_HEIGHT_PX } from '../../charts/sizes.js';
import { t } from '../../i18n/messages.js';
import { TrendTable } from './team-tables.js';

/**
 * eNPS and HR's own questions on the team view (and in its printed report): each a line with its
 * 95% interval as a band, like the constructs. A cycle shows them only where its scores are
 * shown and everyone in the team was asked them; anywhere else the line has a gap.
 */
export function InstrumentPanel({ data, comparisonName }: { data: TrendsResponse; comparisonName: string | null }) {
  const enps = enpsSeries(data);
  const items = shownItems(data);
  const hasEnps = enps.some((d) => d.mean !== null);
  if (!hasEnps && items.length === 0) return null;
  return (
    <section aria-labelledby="instrument-title" className="panel">
      <h2 id="instrument-title">{t('enps.sectionTitle')}</h2>
      <div className="chart-grid">
        {hasEnps && (
          <ChartFigure
            title={t('enps.chartTitle')}
            note={<p className="hint">{t('enps.explain')}</p>}
            height={PANEL_HEIGHT_PX}
            chart={
              <TrendChart
                figure={{ name: t('enps.column'), colour: enpsColour, domain: [-100, 100] }}
                data={enps}
                comparisonName={comparisonName}
              />
            }
            table={<TrendTable title={t('enps.column')} data={enps} comparisonName={comparisonName} />}
          />
        )}
        {items.map((item) => {
          const series = itemSeries(data, item.id);
          return (
            <ChartFigure
              key={item.id}
              title={item.text}
              note={<p className="hint">{t('questions.chartNote', { min: item.min, max: item.max })}</p>}
              height={PANEL_HEIGHT_PX}
              chart={
                <TrendChart
                  figure={{ name: item.text, colour: itemColour, domain: [item.min, item.max] }}
                  data={series}
                  comparisonName={comparisonName}
                />
              }
              table={<TrendTable title={item.text} data={series} comparisonName={comparisonName} />}
            />
          );
        })}
      </div>
    </section>
  );
}

import { Component, Suspense, type ReactNode } from 'react';
import { t } from '../i18n/messages.js';

/** Keeps the page (and its data table) when a chart's code cannot be downloaded. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p className="chart-placeholder">{t('charts.failed')}</p> : this.props.children;
  }
}

/**
 * A chart with its title, an optional note, and its accessible alternative: the same figures
 * as a table, one click away. The chart itself loads lazily; the table never waits for it.
 */
export function ChartFigure({
  title,
  note,
  chart,
  table,
  height,
}: {
  title: string;
  note?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  height: number;
}) {
  return (
    <figure className="chart-figure">
      <figcaption className="chart-title">{title}</figcaption>
      {note && <div className="chart-note">{note}</div>}
      <div className="chart-area" style={{ minHeight: height }}>
        <ChartBoundary>
          <Suspense fallback={<p className="chart-placeholder">{t('charts.loading')}</p>}>{chart}</Suspense>
        </ChartBoundary>
      </div>
      <details className="chart-table">
        <summary>{t('charts.showTable', { title })}</summary>
        {table}
      </details>
    </figure>
  );
}

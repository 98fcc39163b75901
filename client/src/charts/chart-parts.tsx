import { ReferenceLine, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/messages.js';
import { hiddenColour } from './palette.js';

/** Shared by the charts of one page: the axis text size and the height of a panel. */
export const TICK = { fontSize: 12, fill: '#3d4450' };
export { PANEL_HEIGHT_PX as PANEL_HEIGHT } from './sizes.js';

/** The cycle axis: keys are cycle ids, shown as short month labels. */
export function cycleAxis(data: readonly { key: string; tick: string }[]) {
  const ticks = new Map(data.map((d) => [d.key, d.tick]));
  return <XAxis dataKey="key" tick={TICK} tickFormatter={(key: string) => ticks.get(key) ?? ''} minTickGap={12} />;
}

/** A 0–100 value axis, or another range (eNPS −100…100, a question's own scale). */
export const scoreAxis = (unit = '', domain: readonly [number, number] = [0, 100]) => {
  const [low, high] = domain;
  const ticks = Array.from({ length: 5 }, (_, i) => low + ((high - low) * i) / 4);
  return <YAxis domain={[low, high]} ticks={ticks} tick={TICK} width={unit || low < 0 ? 46 : 36} unit={unit} />;
};

/** A dashed, labelled line at each hidden cycle, so a gap reads as "hidden", never as zero. */
export function hiddenMarkers(data: readonly { key: string; hidden: string | null }[]) {
  return data
    .filter((d) => d.hidden !== null)
    .map((d) => (
      <ReferenceLine
        key={`hidden-${d.key}`}
        x={d.key}
        stroke={hiddenColour}
        strokeDasharray="3 3"
        label={{ value: t('charts.hiddenMark'), position: 'insideTop', fill: hiddenColour, fontSize: 11 }}
      />
    ));
}

/** The tooltip box: the cycle's label, then one line per figure. */
export function TooltipBox({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** The datum under the pointer, from Recharts' tooltip props. */
export function hovered<T>(props: { active?: boolean; payload?: readonly { payload?: unknown }[] }): T | null {
  if (!props.active || !props.payload?.length) return null;
  return (props.payload[0]?.payload as T | undefined) ?? null;
}

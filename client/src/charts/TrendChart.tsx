import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip } from 'recharts';
import { t } from '../i18n/messages.js';
import { cycleAxis, hiddenMarkers, hovered, PANEL_HEIGHT, scoreAxis, TooltipBox } from './chart-parts.js';
import { comparisonColour, constructColours } from './palette.js';
import { fmt, fmtCi, type ConstructKey, type TrendDatum } from './shape.js';

/** A construct, or instead eNPS or one of HR's questions with its name, colour and value range. */
export type TrendChartProps = TrendChartBase &
  (
    | { construct: ConstructKey; figure?: undefined }
    | { construct?: undefined; figure: { name: string; colour: string; domain: readonly [number, number] } }
  );

interface TrendChartBase {
  data: TrendDatum[];
  /** The comparison line's name (parent team or organisation); none when there is no comparison. */
  comparisonName: string | null;
  /** Cycles (by key) where an action aimed at this construct started. */
  actionStarts?: readonly string[];
}

/** One construct across cycles: its mean, its 95% CI as a band, and the comparison line. */
export default function TrendChart({ construct, figure, data, comparisonName, actionStarts = [] }: TrendChartProps) {
  const colour = figure ? figure.colour : constructColours[construct];
  const name = figure ? figure.name : t(`construct.${construct}`);
  const tooltipLines = (d: TrendDatum) => {
    const lines = d.hidden
      ? [t('charts.hiddenBecause', { reason: d.hidden })]
      : [t('charts.scoreLine', { name, mean: fmt(d.mean!), ci: fmtCi(d.band), n: d.n ?? 0 })];
    if (comparisonName) {
      lines.push(
        d.comparison === null
          ? t('charts.comparisonHidden', { name: comparisonName })
          : t('charts.comparisonLine', { name: comparisonName, mean: fmt(d.comparison) }),
      );
    }
    return lines;
  };
  return (
    <ResponsiveContainer width="100%" height={PANEL_HEIGHT}>
      <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e3e6ea" vertical={false} />
        {cycleAxis(data)}
        {scoreAxis('', figure?.domain)}
        {hiddenMarkers(data)}
        {[...new Set(actionStarts)].map((key) => (
          <ReferenceLine
            key={`action-${key}`}
            x={key}
            stroke="#1a1a1a"
            strokeWidth={1.5}
            label={{ value: t('charts.actionMark'), position: 'insideTopRight', fill: '#1a1a1a', fontSize: 11 }}
          />
        ))}
        <Area
          dataKey="band"
          name={t('charts.ciBand')}
          stroke="none"
          fill={colour}
          fillOpacity={0.18}
          connectNulls={false}
          isAnimationActive={false}
        />
        {comparisonName && (
          <Line
            dataKey="comparison"
            name={comparisonName}
            stroke={comparisonColour}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            // A point between two hidden cycles has no line to either side: its dot shows it.
            dot={{ r: 2, fill: comparisonColour }}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
        <Line dataKey="mean" name={name} stroke={colour} strokeWidth={2.5} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        <Tooltip
          content={(props) => {
            const d = hovered<TrendDatum>(props);
            return d && <TooltipBox title={d.label} lines={tooltipLines(d)} />;
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

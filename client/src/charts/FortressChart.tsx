import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip } from 'recharts';
import { t } from '../i18n/messages.js';
import { cycleAxis, hiddenMarkers, hovered, PANEL_HEIGHT, scoreAxis, TICK, TooltipBox } from './chart-parts.js';
import { fortressColour } from './palette.js';
import { fmt, type FortressDatum } from './shape.js';

/** The fortress index across cycles, with the level at which a retreat counts as strong. */
export default function FortressChart({ data }: { data: FortressDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={PANEL_HEIGHT}>
      <LineChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e3e6ea" vertical={false} />
        {cycleAxis(data)}
        {scoreAxis()}
        {hiddenMarkers(data)}
        <ReferenceLine
          y={50}
          stroke={fortressColour}
          strokeDasharray="2 4"
          label={{ value: t('charts.fortressStrong'), position: 'insideTopLeft', fontSize: 11, fill: TICK.fill }}
        />
        <Line
          dataKey="value"
          name={t('charts.fortressIndex')}
          stroke={fortressColour}
          strokeWidth={2.5}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Tooltip
          content={(props) => {
            const d = hovered<FortressDatum>(props);
            if (!d) return null;
            const line = d.hidden
              ? t('charts.hiddenBecause', { reason: d.hidden })
              : d.value === null
                ? t('charts.noBaseline')
                : t('charts.fortressLine', { value: fmt(d.value) });
            return <TooltipBox title={d.label} lines={[line]} />;
          }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

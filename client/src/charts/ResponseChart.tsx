import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip } from 'recharts';
import { t } from '../i18n/messages.js';
import { cycleAxis, hovered, PANEL_HEIGHT, scoreAxis, TooltipBox } from './chart-parts.js';
import { responseColour } from './palette.js';
import type { ResponseDatum } from './shape.js';

/** The share of invited people who answered, per cycle (shown for hidden cycles too). */
export default function ResponseChart({ data }: { data: ResponseDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={PANEL_HEIGHT}>
      <BarChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e3e6ea" vertical={false} />
        {cycleAxis(data)}
        {scoreAxis('%')}
        <Bar dataKey="rate" name={t('charts.responseRate')} fill={responseColour} isAnimationActive={false} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.06)' }}
          content={(props) => {
            const d = hovered<ResponseDatum>(props);
            return (
              d && (
                <TooltipBox
                  title={d.label}
                  lines={[t('charts.responseLine', { responded: d.responded, invited: d.invited, rate: Math.round(d.rate ?? 0) })]}
                />
              )
            );
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/messages.js';
import { hovered, TICK, TooltipBox } from './chart-parts.js';
import { responseColour } from './palette.js';
import type { ParticipationDatum } from './shape.js';

/** Participation of the teams with the lowest response rate in one cycle, as horizontal bars. */
export default function ParticipationChart({ data }: { data: ParticipationDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={40 + data.length * 28}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e3e6ea" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" tick={TICK} />
        <YAxis type="category" dataKey="name" width={132} tick={{ ...TICK, fontSize: 11 }} interval={0} />
        <Bar dataKey="rate" name={t('charts.responseRate')} fill={responseColour} barSize={16} isAnimationActive={false} />
        <Tooltip
          cursor={{ fill: 'rgba(0,0,0,0.06)' }}
          content={(props) => {
            const d = hovered<ParticipationDatum>(props);
            return (
              d && (
                <TooltipBox
                  title={d.path}
                  lines={[t('charts.responseLine', { responded: d.responded, invited: d.invited, rate: Math.round(d.rate) })]}
                />
              )
            );
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

import type { CycleSummary, Participation } from '@pulse/shared/api/cycles';
import { useState } from 'react';
import { useParticipation } from '../../api/pulses.js';
import { CycleSelect } from '../../components/CycleSelect.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { EmptyState, Resource } from '../../components/states.js';
import { formatDateTime } from '../../i18n/dates.js';
import { t } from '../../i18n/messages.js';
import { currentLanguage } from '../../i18n/runtime.js';

const rate = (responded: number, invited: number) => (invited ? Math.round((100 * responded) / invited) : 0);

/** A closed cycle's answers per language, organisation-wide: only languages enough people answered in. */
function LanguageLine({ data }: { data: Participation }) {
  if (data.status !== 'closed' || data.countedAt === null) return null;
  const threshold = data.languageThreshold;
  if (!data.languages.length) return <p className="hint">{t('pulses.languagesNone', { threshold })}</p>;
  const lang = currentLanguage();
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const counts = data.languages.map((l) => t('pulses.languageCount', { language: names.of(l.language) ?? l.language, count: l.responses }));
  return <p className="hint">{t('pulses.languages', { list: new Intl.ListFormat(lang, { type: 'unit' }).format(counts), threshold })}</p>;
}

/**
 * Participation per team for one cycle, as of its latest count: taken when it opens, once a day
 * while it is open and once more when it closes, so nobody can watch a count move the moment a
 * colleague answers. How many, never who.
 */
export function ParticipationPanel({ cycles, version }: { cycles: CycleSummary[]; version: number }) {
  const [chosen, setChosen] = useState(() => (cycles.find((c) => c.status === 'open') ?? cycles[0])?.id ?? '');
  const participation = useParticipation(chosen, version);
  return (
    <section className="stack" aria-labelledby="participation-title">
      <h2 id="participation-title">{t('pulses.byTeamTitle')}</h2>
      <CycleSelect label={t('pulses.cycle')} cycles={cycles} value={chosen} onChange={setChosen} />
      <Resource state={participation}>
        {(data) =>
          data.countedAt === null ? (
            <EmptyState>{t('pulses.notCounted')}</EmptyState>
          ) : (
            <>
              <p>
                {t('pulses.countedAt', { when: formatDateTime(data.countedAt) })}{' '}
                {data.nextCountAt ? t('pulses.nextCount', { when: formatDateTime(data.nextCountAt) }) : t('pulses.finalCount')}
              </p>
              <ScrollTable label={t('pulses.byTeamLabel')} headers={[t('pulses.team'), t('pulses.answered')]}>
                {data.teams.map((team) => (
                  <tr key={team.teamId}>
                    <th scope="row">{team.name}</th>
                    <td>
                      {t('pulses.counts', { responded: team.responded, invited: team.invited, rate: rate(team.responded, team.invited) })}
                    </td>
                  </tr>
                ))}
              </ScrollTable>
              <LanguageLine data={data} />
            </>
          )
        }
      </Resource>
    </section>
  );
}

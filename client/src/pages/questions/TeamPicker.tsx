import type { Team } from '@pulse/shared';
import { useId } from 'react';
import { t } from '../../i18n/messages.js';

/** Everyone, or chosen teams (each by its path, so two "Support" teams stay apart). */
export function TeamPicker({
  teams,
  chosen,
  onChange,
}: {
  teams: Team[];
  chosen: string[] | null;
  onChange: (chosen: string[] | null) => void;
}) {
  const id = useId();
  const byId = new Map(teams.map((team) => [team.id, team]));
  const path = (team: Team): string => {
    const parent = team.parentId ? byId.get(team.parentId) : undefined;
    return parent ? `${path(parent)} / ${team.name}` : team.name;
  };
  const live = teams
    .filter((team) => !team.archived)
    .map((team) => ({ id: team.id, path: path(team) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const toggle = (teamId: string, on: boolean) => onChange(on ? [...(chosen ?? []), teamId] : (chosen ?? []).filter((x) => x !== teamId));
  return (
    <fieldset className="choices">
      <legend>{t('questions.who')}</legend>
      <label className="checkbox">
        <input type="radio" name={`${id}-who`} checked={chosen === null} onChange={() => onChange(null)} />
        {t('questions.everyone')}
      </label>
      <label className="checkbox">
        <input type="radio" name={`${id}-who`} checked={chosen !== null} onChange={() => onChange([])} />
        {t('questions.chosenTeams')}
      </label>
      {chosen !== null && (
        <ul className="team-choices" aria-label={t('questions.teamsLabel')}>
          {live.map((team) => (
            <li key={team.id}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.includes(team.id)} onChange={(e) => toggle(team.id, e.target.checked)} />
                {team.path}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

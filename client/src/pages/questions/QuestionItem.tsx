import type { Team } from '@pulse/shared';
import { CUSTOM_ITEM_TEXT_MAX, type CustomItem } from '@pulse/shared/api/questionnaire';
import { useState, type FormEvent } from 'react';
import { retireQuestion, updateQuestion } from '../../api/questionnaire.js';
import { Field, FormError } from '../../components/forms.js';
import { useAction } from '../../components/use-action.js';
import { t } from '../../i18n/messages.js';
import { TeamPicker } from './TeamPicker.js';

/** One active question: its words, scale and teams, reworded (same id, a new version) or retired. */
export function QuestionItem({ item, teams, onChanged }: { item: CustomItem; teams: Team[]; onChanged: (message: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [chosen, setChosen] = useState<string[] | null>(item.teamIds.length ? item.teamIds : null);
  const save = useAction(updateQuestion);
  const retire = useAction(retireQuestion);
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(item.id, { text, teamIds: chosen ?? [] });
    if (!result) return;
    setEditing(false);
    onChanged(t('questions.saved', { text: result.item.text }));
  };
  const retireNow = async () => {
    if (await retire.run(item.id)) onChanged(t('questions.retired', { text: item.text }));
  };
  return (
    <li className="team-row">
      <div className="stack">
        <p className="team-name">{item.text}</p>
        <p className="question-meta">
          {t(`questions.scale.${item.scale}`)} ·{' '}
          {item.teamIds.length
            ? t('questions.forTeams', { teams: item.teamIds.map((id) => names.get(id) ?? id).join(', ') })
            : t('questions.everyone')}
        </p>
        {editing ? (
          <form onSubmit={(e) => void submit(e)} className="editor" noValidate>
            <Field label={t('questions.reword')} hint={t('questions.rewordHint')}>
              {(props) => (
                <textarea {...props} rows={2} maxLength={CUSTOM_ITEM_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
              )}
            </Field>
            <TeamPicker teams={teams} chosen={chosen} onChange={setChosen} />
            <FormError error={save.error} />
            <div className="actions">
              <button type="submit" disabled={save.pending}>
                {t('questions.save')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
                {t('questions.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => setEditing(true)}
              aria-label={t('questions.editLabel', { text: item.text })}
            >
              {t('questions.edit')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={retire.pending}
              onClick={() => void retireNow()}
              aria-label={t('questions.retireLabel', { text: item.text })}
            >
              {t('questions.retire')}
            </button>
          </div>
        )}
        <FormError error={retire.error} />
      </div>
    </li>
  );
}

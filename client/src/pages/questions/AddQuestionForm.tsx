import type { CustomScale, Team } from '@pulse/shared';
import { CUSTOM_ITEM_TEXT_MAX } from '@pulse/shared/api/questionnaire';
import { useState, type FormEvent } from 'react';
import { addQuestion } from '../../api/questionnaire.js';
import { Field, FormError } from '../../components/forms.js';
import { useAction } from '../../components/use-action.js';
import { t } from '../../i18n/messages.js';
import { TeamPicker } from './TeamPicker.js';

/** A new question: its words, its scale, and who is asked it. */
export function AddQuestionForm({ teams, onAdded }: { teams: Team[]; onAdded: (text: string) => void }) {
  const [text, setText] = useState('');
  const [scale, setScale] = useState<CustomScale>('agreement');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const action = useAction(addQuestion);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run({ text, scale, ...(chosen ? { teamIds: chosen } : {}) });
    if (!result) return;
    setText('');
    setChosen(null);
    onAdded(result.item.text);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="stack narrow" noValidate>
      <Field label={t('questions.text')} hint={t('questions.textHint')}>
        {(props) => (
          <textarea {...props} rows={2} maxLength={CUSTOM_ITEM_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <fieldset className="choices">
        <legend>{t('questions.scale')}</legend>
        {(['agreement', 'zero_to_ten'] as const).map((s) => (
          <label key={s} className="checkbox">
            <input type="radio" name="question-scale" checked={scale === s} onChange={() => setScale(s)} />
            {t(`questions.scale.${s}`)}
          </label>
        ))}
      </fieldset>
      <TeamPicker teams={teams} chosen={chosen} onChange={setChosen} />
      <FormError error={action.error} />
      <button type="submit" disabled={action.pending}>
        {t('questions.add')}
      </button>
    </form>
  );
}

import type { TeamNote } from '@pulse/shared/api/notes';
import { NOTE_MAX_LENGTH } from '@pulse/shared/limits';
import { useState, type FormEvent } from 'react';
import { saveTeamNote, useTeamNote } from '../../api/notes.js';
import { Field, FormError, Notice } from '../../components/forms.js';
import { Resource } from '../../components/states.js';
import { useAction } from '../../components/use-action.js';
import { t } from '../../i18n/messages.js';

/** The leader's note to the team about the latest closed pulse: shown on the members' results page, mailed once. */
export function NotePanel({ teamId, cycle }: { teamId: string; cycle: { id: string; label: string } }) {
  const note = useTeamNote(teamId, cycle.id);
  return (
    <section aria-labelledby="note-title" className="panel">
      <h2 id="note-title">{t('note.title', { cycle: cycle.label })}</h2>
      <p className="hint">{t('note.intro')}</p>
      <Resource state={note}>{(data) => <NoteForm key={cycle.id} teamId={teamId} cycleId={cycle.id} note={data.note} />}</Resource>
    </section>
  );
}

function NoteForm({ teamId, cycleId, note }: { teamId: string; cycleId: string; note: TeamNote | null }) {
  const [body, setBody] = useState(note?.body ?? '');
  const [written, setWritten] = useState(note !== null);
  const [done, setDone] = useState('');
  const save = useAction((text: string) => saveTeamNote(teamId, cycleId, text));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    const saved = await save.run(body);
    if (!saved) return;
    setWritten(true);
    setDone(saved.mailed ? t('note.mailed') : t('note.updated'));
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('note.form')}>
      <Field label={t('note.label')} hint={t('note.hint', { max: NOTE_MAX_LENGTH })}>
        {(props) => <textarea {...props} rows={4} maxLength={NOTE_MAX_LENGTH} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <FormError error={save.error} />
      <button type="submit" disabled={save.pending}>
        {written ? t('note.update') : t('note.send')}
      </button>
      <Notice>{done}</Notice>
    </form>
  );
}

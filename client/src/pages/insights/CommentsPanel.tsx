import type { TrendPoint } from '@pulse/shared';
import { useComments } from '../../api/insights.js';
import { Field } from '../../components/forms.js';
import { Resource } from '../../components/states.js';
import { t } from '../../i18n/messages.js';
import { CommentItem } from './CommentItem.js';

/** Comments of one cycle (the latest by default), only when the group reached the threshold. */
export function CommentsPanel({
  teamId,
  series,
  cycleId,
  onCycle,
}: {
  teamId: string;
  series: TrendPoint[];
  cycleId: string | undefined;
  onCycle(cycleId: string | undefined): void;
}) {
  const comments = useComments(teamId, cycleId);
  const newestFirst = [...series].reverse();
  return (
    <section aria-labelledby="comments-title" className="panel">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {newestFirst.length > 1 && (
        <Field label={t('comments.cycle')}>
          {(props) => (
            <select {...props} value={cycleId ?? ''} onChange={(e) => onCycle(e.target.value || undefined)}>
              <option value="">{t('comments.latest')}</option>
              {newestFirst.map((p) => (
                <option key={p.cycleId} value={p.cycleId}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Resource state={comments}>
        {(data) =>
          data.comments === null ? (
            <p className="hint">{t('comments.hidden', { reason: data.reason ?? '' })}</p>
          ) : data.comments.length === 0 ? (
            <p className="hint">{t('comments.none', { cycle: data.cycle?.label ?? '' })}</p>
          ) : (
            <>
              <p className="hint">{t('comments.intro', { count: data.comments.length, cycle: data.cycle?.label ?? '' })}</p>
              <ul className="comment-list">
                {data.comments.map((comment) => (
                  <CommentItem key={comment.id} comment={comment} />
                ))}
              </ul>
            </>
          )
        }
      </Resource>
    </section>
  );
}

import type { PulseResults, ResultFigure } from '@pulse/shared/api/results';
import { useEffect, useRef } from 'react';
import { formatDate } from '../i18n/dates.js';
import { t } from '../i18n/messages.js';

type ScoreRow = NonNullable<PulseResults['scores']>[number];

const round = (value: number) => Math.round(value);

/** "62 (likely 55 to 69)": the mean and its 95% interval, in words a member reads at a glance. */
function figureText(figure: ResultFigure): string {
  if (figure.ciLow === null || figure.ciHigh === null) return String(round(figure.mean));
  return t('results.figure', { mean: round(figure.mean), low: round(figure.ciLow), high: round(figure.ciHigh) });
}

/** The interval as a band on 0–100 with the mean marked; decorative, the text says the same. */
function Band({ figure }: { figure: ResultFigure }) {
  const low = figure.ciLow ?? figure.mean;
  const high = figure.ciHigh ?? figure.mean;
  return (
    <div className="results-band" aria-hidden="true">
      <span className="results-band-range" style={{ left: `${low}%`, width: `${Math.max(high - low, 1)}%` }} />
      <span className="results-band-mean" style={{ left: `${figure.mean}%` }} />
    </div>
  );
}

function Score({ row }: { row: ScoreRow }) {
  return (
    <li className="results-score">
      <h3>{t(`construct.${row.construct}`)}</h3>
      <p className="results-figure">{figureText(row.team)}</p>
      <Band figure={row.team} />
      <p className="hint">
        {row.previous ? t('results.previous', { figure: figureText(row.previous) }) : t('results.noPrevious')}
        <br />
        {row.organisation ? t('results.organisation', { figure: figureText(row.organisation) }) : t('results.noOrganisation')}
      </p>
    </li>
  );
}

/**
 * A member's view of their team's published results for the link's cycle, phone first: the
 * same page whether or not this link answered, showing only what the server sent.
 */
export function ResultsView({ results }: { results: PulseResults }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('results.title', { label: results.cycle.label })} · ${t('app.name')}`;
    heading.current?.focus();
  }, [results.cycle.label]);
  const { participation } = results;
  return (
    <main className="page pulse results">
      <h1 ref={heading} tabIndex={-1}>
        {t('results.title', { label: results.cycle.label })}
      </h1>
      <p className="pulse-team">{t('pulse.team', { team: results.team.name })}</p>
      {participation && <p className="results-participation">{t('results.participation', participation)}</p>}
      {results.reason && <p className="state results-reason">{results.reason}</p>}
      {results.note && (
        <section aria-labelledby="results-note">
          <h2 id="results-note">{t('results.noteTitle')}</h2>
          <blockquote className="results-note">{results.note.body}</blockquote>
          <p className="hint">{formatDate(results.note.at)}</p>
        </section>
      )}
      {results.scores && (
        <section aria-labelledby="results-scores">
          <h2 id="results-scores">{t('results.scoresTitle')}</h2>
          <p className="hint">{t('results.scoresIntro')}</p>
          <ul className="results-scores">
            {results.scores.map((row) => (
              <Score key={row.construct} row={row} />
            ))}
          </ul>
        </section>
      )}
      {results.published && (
        <section aria-labelledby="results-actions">
          <h2 id="results-actions">{t('results.actionsTitle')}</h2>
          {results.actions.length === 0 ? (
            <p>{t('results.noActions')}</p>
          ) : (
            <ul className="results-actions">
              {results.actions.map((action, i) => (
                <li key={i}>
                  <strong>{action.title}</strong>
                  <span className="hint">
                    {t(`actions.status.${action.status}`)}
                    {action.dueAt ? ` · ${t('results.due', { date: formatDate(action.dueAt) })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p className="hint">{t('results.privacy')}</p>
    </main>
  );
}

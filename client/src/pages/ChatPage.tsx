import type { Integrations } from '@pulse/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { connectSlack, disconnectSlack, removeTeamsWebhook, setTeamsWebhook, testSlack, useIntegrations } from '../api/integrations.js';
import { useTeams } from '../api/teams.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { ScrollTable, TeamOptions } from '../components/ScrollTable.js';
import { Resource } from '../components/states.js';
import { buildTree, flatten } from '../components/team-tree.js';
import { useAction } from '../components/use-action.js';
import { formatDate } from '../i18n/dates.js';
import { t, type MessageKey } from '../i18n/messages.js';

function SlackPanel({ data, changed }: { data: Integrations; changed: () => void }) {
  const [token, setToken] = useState('');
  const [notice, setNotice] = useState('');
  const connect = useAction(connectSlack);
  const test = useAction(testSlack);
  const disconnect = useAction(disconnectSlack);
  const { status, workspace, connectedAt } = data.slack;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await connect.run(token);
    if (!result) return;
    setToken('');
    setNotice(t('chat.connected', { workspace: result.workspace }));
    changed();
  };
  return (
    <section className="stack" aria-labelledby="chat-slack">
      <h2 id="chat-slack">{t('chat.slackTitle')}</h2>
      <p>
        {status === 'connected'
          ? t('chat.slackOn', { workspace: workspace ?? '', since: formatDate(connectedAt ?? new Date()) })
          : status === 'revoked'
            ? t('chat.slackRevoked', { workspace: workspace ?? '' })
            : t('chat.slackOff')}
      </p>
      {status === 'connected' ? (
        <div className="actions">
          <button type="button" disabled={test.pending} onClick={() => void test.run().then((r) => r && setNotice(t('chat.testSent')))}>
            {t('chat.test')}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={disconnect.pending}
            onClick={() => void disconnect.run().then(() => changed())}
          >
            {t('chat.disconnect')}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="stack narrow" noValidate>
          <Field label={t('chat.token')} hint={t('chat.tokenHint')}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={connect.pending || !data.secretKeyConfigured}>
            {t('chat.connect')}
          </button>
        </form>
      )}
      <FormError error={connect.error ?? test.error ?? disconnect.error} />
      <Notice>{notice}</Notice>
    </section>
  );
}

const reasonKey = (reason: string | null): MessageKey =>
  (
    ({
      not_in_slack: 'chat.reason.not_in_slack',
      rate_limited: 'chat.reason.rate_limited',
      token_revoked: 'chat.reason.token_revoked',
      teams_error: 'chat.reason.teams_error',
    }) as Record<string, MessageKey>
  )[reason ?? ''] ?? (reason ? 'chat.reason.slack_error' : 'chat.reason.none');

function Deliveries({ data }: { data: Integrations }) {
  return (
    <section aria-labelledby="chat-deliveries">
      <h2 id="chat-deliveries">{t('chat.deliveriesTitle')}</h2>
      <p>{t('chat.deliveriesIntro')}</p>
      {data.deliveries.length === 0 ? (
        <p>{t('chat.deliveriesNone')}</p>
      ) : (
        <ScrollTable label={t('chat.deliveriesTitle')} headers={[t('chat.kind'), t('chat.channel'), t('chat.why'), t('chat.count')]}>
          {data.deliveries.map((d) => (
            <tr key={`${d.kind}-${d.channel}-${d.fallbackReason ?? ''}`}>
              <td>{t(`chat.kind.${d.kind}`)}</td>
              <td>{d.channel ? t(`chat.channel.${d.channel}`) : t('chat.channel.any')}</td>
              <td>{d.channel ? t(reasonKey(d.fallbackReason)) : t('chat.reason.notSplit')}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function TeamsPanel({ data, changed }: { data: Integrations; changed: () => void }) {
  const teams = useTeams();
  const nodes = useMemo(() => (teams.status === 'ready' ? flatten(buildTree(teams.data.teams)) : []), [teams]);
  const [teamId, setTeamId] = useState('');
  const [url, setUrl] = useState('');
  const save = useAction(setTeamsWebhook);
  const remove = useAction(removeTeamsWebhook);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await save.run(teamId || (nodes[0]?.team.id ?? ''), url))) return;
    setUrl('');
    changed();
  };
  return (
    <section className="stack" aria-labelledby="chat-teams">
      <h2 id="chat-teams">{t('chat.teamsTitle')}</h2>
      <p>{t('chat.teamsIntro')}</p>
      {data.teamsWebhooks.length > 0 && (
        <ul>
          {data.teamsWebhooks.map((w) => (
            <li key={w.teamId} className="inline-controls">
              {w.teamName}
              <button
                type="button"
                className="button-secondary"
                disabled={remove.pending}
                onClick={() => void remove.run(w.teamId).then(() => changed())}
              >
                {t('chat.teamsRemove', { team: w.teamName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)} className="stack narrow" noValidate>
        <Field label={t('chat.team')}>
          {(props) => (
            <select {...props} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <TeamOptions nodes={nodes} />
            </select>
          )}
        </Field>
        <Field label={t('chat.webhook')} hint={t('chat.webhookHint')}>
          {(props) => (
            <input {...props} type="password" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={save.pending || !data.secretKeyConfigured}>
          {t('chat.teamsSave')}
        </button>
      </form>
      <FormError error={save.error ?? remove.error} />
    </section>
  );
}

/** Slack and Microsoft Teams delivery (admins): connect, test, counts per channel, disconnect. */
export function ChatPage() {
  const [version, setVersion] = useState(0);
  const integrations = useIntegrations(version);
  const changed = () => setVersion((v) => v + 1);
  return (
    <>
      <h1>{t('chat.title')}</h1>
      <p>{t('chat.intro')}</p>
      <Resource state={integrations}>
        {(data) => (
          <div className="stack">
            {!data.secretKeyConfigured && <p className="state state-error">{t('chat.noKey')}</p>}
            <SlackPanel data={data} changed={changed} />
            <Deliveries data={data} />
            <TeamsPanel data={data} changed={changed} />
          </div>
        )}
      </Resource>
    </>
  );
}

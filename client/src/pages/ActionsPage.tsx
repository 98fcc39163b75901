import { useAllActions } from '../api/actions.js';
import { Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { ActionCard } from './insights/ActionsPanel.js';
import './insights/insights.css';

/** Every action in scope (/actions): overdue ones first, then open ones by due date, then finished ones. */
export function ActionsPage() {
  const actions = useAllActions();
  return (
    <div className="insights">
      <h1>{t('actions.allTitle')}</h1>
      <p>{t('actions.allIntro')}</p>
      <Resource state={actions} isEmpty={(d) => d.actions.length === 0} empty={t('actions.none')}>
        {(data) => (
          <div className="action-list">
            {data.actions.map((action) => (
              <ActionCard key={action.id} action={action} showTeam />
            ))}
          </div>
        )}
      </Resource>
    </div>
  );
}

import { remedyAnchor } from '@pulse/shared/insights/remedies';
import { Link } from 'wouter';
import { t } from '../i18n/messages.js';

/** The guide page the remedies link to. */
export const GUIDE_PATH = '/guide/remedies';

/**
 * An alert's suggested actions, each with a link to its remedy in the guide. For the team view:
 * `<RemedyLinks actions={alert.actions} />` in place of a plain list of actions.
 */
export function RemedyLinks({ actions }: { actions: readonly string[] }) {
  return (
    <ul className="remedy-links">
      {actions.map((action) => {
        const anchor = remedyAnchor(action);
        return (
          <li key={action}>
            {action} {anchor && <Link href={`${GUIDE_PATH}#${anchor}`}>{t('remedies.link', { topic: action.split(':')[0]! })}</Link>}
          </li>
        );
      })}
    </ul>
  );
}

import { useEffect } from 'react';
import { remedyAnchors } from '@pulse/shared/insights/remedies';
import { t, type MessageKey } from '../i18n/messages.js';
import '../partners/partners.css';

const sections: { anchor: string; title: MessageKey; body: MessageKey }[] = [
  { anchor: remedyAnchors.customers, title: 'guide.customersTitle', body: 'guide.customersBody' },
  { anchor: remedyAnchors.sortByNeed, title: 'guide.sortTitle', body: 'guide.sortBody' },
  { anchor: remedyAnchors.automate, title: 'guide.automateTitle', body: 'guide.automateBody' },
  { anchor: remedyAnchors.sharedValues, title: 'guide.valuesTitle', body: 'guide.valuesBody' },
];

/** The four remedies of a fortress of no, one section each; alert actions link to their anchors. */
export function RemediesGuidePage() {
  useEffect(() => {
    // Arriving from an action's link: bring its section into view once the page has rendered.
    const anchor = window.location.hash.slice(1);
    if (anchor) document.getElementById(anchor)?.scrollIntoView();
  }, []);
  return (
    <article className="guide">
      <h1>{t('guide.title')}</h1>
      <p>{t('guide.intro')}</p>
      <ol>
        {sections.map((s) => (
          <li key={s.anchor}>
            <a href={`#${s.anchor}`}>{t(s.title)}</a>
          </li>
        ))}
      </ol>
      {sections.map((s, i) => (
        <section key={s.anchor} id={s.anchor} aria-labelledby={`${s.anchor}-title`} tabIndex={-1}>
          <h2 id={`${s.anchor}-title`}>
            {i + 1}. {t(s.title)}
          </h2>
          <p>{t(s.body)}</p>
        </section>
      ))}
    </article>
  );
}

/**
 * Every piece of interface text, in one catalogue ready for translation. Keys are grouped by
 * page; `{name}` placeholders are filled by `t`.
 */
const en = {
  'app.name': 'Pulse',
  'state.loading': 'Loading…',
  'state.retry': 'Try again',
  'state.empty': 'Nothing here yet.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',
  'notFound.home': 'Go to the start page',
  'home.title': 'Pulse',
  'home.intro':
    'Monthly pulses on autonomy, competence and relatedness, with early warnings when a team drifts toward isolation.',
  'home.status': 'Server status: {status}',
  'home.statusOk': 'all systems working',
  'pulse.title': 'Monthly pulse',
  'pulse.heading': 'Monthly pulse: {label}',
  'pulse.team': 'For team {team}',
  'pulse.intro': '{count} short statements, about two minutes. Choose how much you agree with each. Open until {closes}.',
  'pulse.progress': '{answered} of {total} answered',
  'pulse.required': 'Choose an answer for this statement.',
  'pulse.summary': '{count} statements still need an answer:',
  'pulse.summaryOne': '1 statement still needs an answer:',
  'pulse.commentLabel': 'Anything you want to add? (optional)',
  'pulse.commentHint':
    'Leaders may read comments word for word, but only once enough people in your team have answered. Leave out anything that would identify you.',
  'pulse.commentCount': '{length} of {max} characters',
  'pulse.submit': 'Send my answers',
  'pulse.sending': 'Sending…',
  'pulse.sendFailed': 'Your answers could not be sent: {reason} They are still here, so you can try again.',
  'pulse.thanksTitle': 'Thank you, your answers are in',
  'pulse.thanksBody':
    'Leaders see only your team’s combined results, and only once enough people have answered that no one can be singled out. They never see your own answers, nor a list of who took part.',
  'pulse.answeredTitle': 'You have already answered this pulse',
  'pulse.answeredBody': 'Each personal link works once, so answers cannot be changed or sent twice. Thank you for taking part.',
  'pulse.unknownTitle': 'This link does not work',
  'pulse.unknownBody':
    'Check that you opened the whole link from your email: some mail programs break long links in two. Each pulse brings a new personal link by mail.',
  'pulse.closedTitle': 'This pulse has closed',
  'pulse.closedBody': 'It no longer collects answers. You will get a new personal link by mail when the next pulse opens.',
} as const;

export type MessageKey = keyof typeof en;

/** The message for `key` with `{placeholders}` replaced from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

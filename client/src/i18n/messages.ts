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
} as const;

export type MessageKey = keyof typeof en;

/** The message for `key` with `{placeholders}` replaced from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

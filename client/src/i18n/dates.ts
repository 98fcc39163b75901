/**
 * The one way the interface writes dates: the browser's own locale through Intl (for example
 * "4 Dec 2026" in Britain, "Dec 4, 2026" in the US, "04.12.2026" nowhere), medium date style.
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A day, e.g. "4 Dec 2026"; a bare YYYY-MM-DD is that calendar day wherever the browser is. */
export const formatDate = (iso: string | Date) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFormat.format(new Date(`${iso}T00:00:00Z`)) : dateFormat.format(new Date(iso));

/** A moment, e.g. "4 Dec 2026, 14:26". */
export const formatDateTime = (iso: string | Date) => dateTimeFormat.format(new Date(iso));

/**
 * The one way the interface writes dates: the browser's own locale through Intl (for example
 * "4 Dec 2026" in Britain, "Dec 4, 2026" in the US, "04.12.2026" nowhere), medium date style.
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A day, e.g. "4 Dec 2026". */
export const formatDate = (iso: string | Date) => dateFormat.format(new Date(iso));

/** A moment, e.g. "4 Dec 2026, 14:26". */
export const formatDateTime = (iso: string | Date) => dateTimeFormat.format(new Date(iso));

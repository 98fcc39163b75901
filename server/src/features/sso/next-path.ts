const PROBE = 'https://pulse.invalid';

/**
 * A `next` after single sign-on is followed only to a path on this site (never back to
 * sign-in); anything else (`//host`, `/\host`, a control character, another scheme) is ignored.
 * The same rule as the client's `safeNext`, checked on the server because the redirect is ours.
 */
export function safeNextPath(next: string | undefined | null): string | null {
  if (!next || !next.startsWith('/') || next.includes('\\') || [...next].some((c) => c <= ' ' || c === '\u007f')) return null;
  let url: URL;
  try {
    url = new URL(next, PROBE);
  } catch {
    return null;
  }
  if (url.origin !== PROBE || url.pathname.startsWith('//') || url.pathname.startsWith('/login')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

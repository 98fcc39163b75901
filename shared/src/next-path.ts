/** Any origin will do: it only tells whether a `next` would leave the site it is resolved on. */
const PROBE = 'https://pulse.invalid';

/**
 * A `next` parameter (after sign-in, or after single sign-on) is followed only to a path on this
 * site (never back to sign-in); anything else (`//host`, `/\host`, a control character, another
 * scheme) counts as absent. Browsers read a backslash as a slash, so `/\evil.example` would leave
 * the site. The path returned is the normalised one, which can never start a protocol-relative
 * URL. The client checks it before navigating; the server before its own redirect.
 */
export function safeNext(next: string | null | undefined): string | null {
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

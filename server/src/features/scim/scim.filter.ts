import { ScimError } from './scim.errors.js';

/**
 * The one filter identity providers send to find a resource before creating it:
 * `<attribute> eq "<value>"` (RFC 7644 §3.4.2.2), attribute names case-insensitive. Returns the
 * attribute (lower case) and value; any other filter is a 400 `invalidFilter`.
 */
export function parseEqFilter(filter: string | undefined, attributes: readonly string[]): { attribute: string; value: string } | null {
  if (filter === undefined || filter.trim() === '') return null;
  const match = /^\s*([\w.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  const attribute = match?.[1]?.toLowerCase();
  if (!match || !attribute || !attributes.includes(attribute)) {
    throw new ScimError(400, `Only ${attributes.map((a) => `${a} eq "…"`).join(' or ')} filters are supported.`, 'invalidFilter');
  }
  return { attribute, value: match[2]!.replace(/\\(.)/g, '$1') };
}

/** startIndex (1-based) and count as RFC 7644 §3.4.2.4 defines them, count capped. */
export function page(startIndex: number | undefined, count: number | undefined): { offset: number; limit: number; startIndex: number } {
  const start = Math.max(1, startIndex ?? 1);
  return { offset: start - 1, limit: Math.min(Math.max(0, count ?? 100), 200), startIndex: start };
}

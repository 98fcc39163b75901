/**
 * The pulse page (and the conversation page a member reaches from it) downloads only the
 * messages under these prefixes, in its one language, to stay inside its bundle budget; the
 * dashboard downloads the rest too. A unit test checks the pulse page's source uses no other key.
 */
export const pulsePagePrefixes = [
  'app.',
  'state.',
  'notFound.',
  'form.',
  'pulse.',
  'results.',
  'conversation.',
  'construct.',
  'actions.status.',
  'questions.pulseTitle',
] as const;

/** Which part of the catalogue a key belongs to. */
export const partOf = (key: string): 'pulse' | 'rest' => (pulsePagePrefixes.some((prefix) => key.startsWith(prefix)) ? 'pulse' : 'rest');

/** Which parts a page needs: a member's pages the pulse part, the dashboard both. */
export type CatalogueScope = 'pulse' | 'all';

/**
 * The four remedies of PRODUCT.md (and two forms of them that fit a customer map), the only
 * actions an alert suggests, with the anchors of the in-app guide they link to. No imports, so
 * the dashboard can link actions without loading the engine.
 */
export const remedies = {
  customers: 'Know your internal customers: list the teams that rely on you and what each of them needs from you.',
  sortByNeed:
    'Sort them by need: fast "drive-thru" service for routine requests, a strategic partnership for the few that shape your work.',
  automate: 'Simplify and automate routine requests, so they stop crowding out the work the team is good at.',
  sharedValues:
    'Agree shared values with the groups you serve, phrased "X even at the cost of Y" (for example "responsive even at the cost of perfect").',
  /** Simplify and automate, for a team whose customers are mostly drive-thru. */
  requestMenu:
    'Publish a request menu for your drive-thru customers: the routine things they ask for, how to ask, and how fast each is served; then automate the most frequent ones.',
  /** Sort by need, for a team with strategic partners. */
  jointReview:
    'Hold a standing joint review with your strategic partners: plan the coming work together and agree how decisions between you are made.',
} as const;

/** Anchors of the in-app guide (/guide/remedies) that each action links to. */
export const remedyAnchors: Readonly<Record<keyof typeof remedies, string>> = {
  customers: 'know-your-customers',
  sortByNeed: 'sort-by-need',
  automate: 'simplify-and-automate',
  sharedValues: 'shared-values',
  requestMenu: 'simplify-and-automate',
  jointReview: 'sort-by-need',
};

/** The guide anchor of an alert action, or undefined for a text that is not a remedy. */
export function remedyAnchor(action: string): string | undefined {
  const key = (Object.keys(remedies) as (keyof typeof remedies)[]).find((k) => remedies[k] === action);
  return key && remedyAnchors[key];
}

import type { Language } from '@pulse/shared';
import type { PatternSpec } from '@pulse/shared/simulation';

/** A team of the demo organisation; `children` nest beneath it. */
export interface DemoTeam {
  name: string;
  /** Members of the team itself (departments have none). */
  size: number;
  /** How its answers move over the demo's cycles. */
  pattern: PatternSpec;
  /** How far (scale points) the teams that rely on it see its responsiveness fall; default: as far as its own answers fall. */
  partnerDrop?: number;
  /** The cycle (0-based) in which the team joins the organisation; from the start when absent. */
  joinsAt?: number;
  /** The language of its members (and of the teams beneath it, unless they say otherwise); none: the organisation's default. */
  language?: Language;
  children?: DemoTeam[];
}

export const DEMO_CYCLES = 18;

const stable: PatternSpec = { pattern: 'stable', share: 1 };

/**
 * Three departments, twelve teams beneath them on three levels. Legal, a shared service, slides
 * into the fortress pattern over the last five cycles (pressure first), and the teams that rely
 * on it see it fall further than it says; Mobile goes through a dip and recovers; Payroll is
 * smaller than the anonymity threshold; Partnerships joined four months ago and is drifting
 * already.
 */
export const demoOrganisation: DemoTeam[] = [
  {
    name: 'Shared Services',
    size: 0,
    pattern: stable,
    children: [
      {
        name: 'Legal',
        size: 12,
        pattern: {
          pattern: 'fortress',
          share: 1,
          onset: { min: 13, max: 13 },
          drop: 1.3,
          rampCycles: 4,
          pressureLead: 2,
          pressureRise: 0.5,
        },
        // A fortress rarely sees itself as one: its customers see more of the fall than it admits.
        partnerDrop: 1.8,
      },
      { name: 'IT Service Desk', size: 11, pattern: stable },
      { name: 'Finance', size: 10, pattern: stable, children: [{ name: 'Payroll', size: 3, pattern: stable }] },
    ],
  },
  {
    name: 'Product',
    // Product works in German, Sales & Customers in French, Shared Services in English (the default).
    language: 'de',
    size: 0,
    pattern: stable,
    children: [
      { name: 'Platform', size: 12, pattern: stable },
      {
        name: 'Mobile',
        size: 10,
        pattern: { pattern: 'recovery', share: 1, onset: { min: 9, max: 9 }, drop: 1, rampCycles: 3, holdCycles: 1 },
      },
      { name: 'Design', size: 8, pattern: stable },
    ],
  },
  {
    name: 'Sales & Customers',
    language: 'fr',
    size: 0,
    pattern: stable,
    children: [
      { name: 'Sales North', size: 11, pattern: stable },
      { name: 'Sales South', size: 10, pattern: stable },
      { name: 'Customer Success', size: 10, pattern: stable, children: [{ name: 'Onboarding', size: 7, pattern: stable }] },
      {
        // A young team: it joined four months ago, and its second and third months slide into the
        // fortress pattern; the chart reads it from its third month on and flags it.
        name: 'Partnerships',
        size: 10,
        joinsAt: DEMO_CYCLES - 4,
        pattern: {
          pattern: 'fortress',
          share: 1,
          onset: { min: DEMO_CYCLES - 2, max: DEMO_CYCLES - 2 },
          drop: 1.2,
          rampCycles: 2,
          pressureLead: 0,
          pressureRise: 0,
        },
      },
    ],
  },
];

/**
 * Who relies on whom (provider → its customers). Legal mostly serves routine requests of Sales
 * and Customer Success (drive-thru) and plans with Platform (strategic); its customers see its
 * fortress drift from outside as its own answers fall.
 */
export const demoCustomerMap: { provider: string; customer: string; relationship: 'drive_thru' | 'strategic' }[] = [
  { provider: 'Legal', customer: 'Sales North', relationship: 'drive_thru' },
  { provider: 'Legal', customer: 'Sales South', relationship: 'drive_thru' },
  { provider: 'Legal', customer: 'Customer Success', relationship: 'drive_thru' },
  { provider: 'Legal', customer: 'Platform', relationship: 'strategic' },
  { provider: 'IT Service Desk', customer: 'Platform', relationship: 'drive_thru' },
  { provider: 'IT Service Desk', customer: 'Mobile', relationship: 'drive_thru' },
  { provider: 'IT Service Desk', customer: 'Design', relationship: 'drive_thru' },
  { provider: 'IT Service Desk', customer: 'Sales North', relationship: 'drive_thru' },
  { provider: 'Finance', customer: 'Sales North', relationship: 'drive_thru' },
  { provider: 'Finance', customer: 'Sales South', relationship: 'drive_thru' },
  { provider: 'Finance', customer: 'Legal', relationship: 'strategic' },
  { provider: 'Platform', customer: 'Mobile', relationship: 'strategic' },
  { provider: 'Platform', customer: 'Design', relationship: 'drive_thru' },
];

/** Legal's shared values, shown above the alignment item of its pulse. */
export const demoValues: Record<string, { value: string; cost: string }[]> = {
  Legal: [
    { value: 'Responsive', cost: 'perfect' },
    { value: 'Plain language', cost: 'legal precision' },
  ],
};

/**
 * A few comments, as people write them, by team and cycle counted back from the latest closed
 * one (0). Only teams whose own cells are shown every cycle (well above the anonymity threshold,
 * no small team beside them), so no comment sits in a hidden cell.
 */
export const demoComments: Record<string, Record<number, string[]>> = {
  Legal: {
    0: [
      'Contract reviews from Sales keep jumping the queue. We never get to the policy work we planned.',
      'Honestly we have started saying no by default, just to survive the week.',
      'Would help to know which requests actually matter to the other teams.',
    ],
    1: ['Too many urgent tickets, not enough of us.', 'Good team, but we hardly talk to anyone outside Legal any more.'],
    3: ['The new intake form made things worse, not better.'],
  },
  Mobile: {
    0: ['Release cadence feels sustainable again.', 'Pairing with Platform on the SDK was the best part of the month.'],
    6: ['Still recovering from the reorganisation; roles are unclear.'],
  },
  Platform: {
    0: ['Planning with the other teams works well since the monthly review.'],
    2: ['On-call was heavy this month.'],
  },
  'Sales North': { 0: ['Legal takes weeks to answer simple questions about our standard contract.'] },
};

/** The demo's sign-in accounts; the password is printed by `npm run demo`. */
export const demoAccounts = {
  password: 'pulse-demo-2026',
  admin: { email: 'admin@demo.example', name: 'Ada Admin' },
  hr: { email: 'hr@demo.example', name: 'Harriet HR' },
  leaders: [
    { email: 'lena.legal@demo.example', name: 'Lena Legal', leads: 'Legal' },
    { email: 'pablo.product@demo.example', name: 'Pablo Product', leads: 'Product' },
  ],
} as const;

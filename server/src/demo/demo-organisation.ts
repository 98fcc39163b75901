import type { PatternSpec } from '@pulse/shared/simulation';

/** A team of the demo organisation; `children` nest beneath it. */
export interface DemoTeam {
  name: string;
  /** Members of the team itself (departments have none). */
  size: number;
  /** How its answers move over the demo's cycles. */
  pattern: PatternSpec;
  children?: DemoTeam[];
}

export const DEMO_CYCLES = 18;

const stable: PatternSpec = { pattern: 'stable', share: 1 };

/**
 * Three departments, eleven teams beneath them on three levels. Legal, a shared service, slides
 * into the fortress pattern over the last five cycles (pressure first); Mobile goes through a
 * dip and recovers; Payroll is smaller than the anonymity threshold.
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
        pattern: { pattern: 'fortress', share: 1, onset: { min: 13, max: 13 }, drop: 1.3, rampCycles: 4, pressureLead: 2, pressureRise: 0.5 },
      },
      { name: 'IT Service Desk', size: 11, pattern: stable },
      { name: 'Finance', size: 10, pattern: stable, children: [{ name: 'Payroll', size: 3, pattern: stable }] },
    ],
  },
  {
    name: 'Product',
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
    size: 0,
    pattern: stable,
    children: [
      { name: 'Sales North', size: 11, pattern: stable },
      { name: 'Sales South', size: 10, pattern: stable },
      { name: 'Customer Success', size: 10, pattern: stable, children: [{ name: 'Onboarding', size: 7, pattern: stable }] },
    ],
  },
];

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

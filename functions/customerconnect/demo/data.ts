import type { LifecycleStage } from '../domain/contact';
import type { LeadSource, LeadStatus } from '../domain/leads';

/**
 * CustomerConnect's demo vocabulary for `npm run dev`: the names, industries,
 * pipelines and reasons Acme's CRM is generated from. The generator
 * (generate.ts) combines them with a seeded random source, so every fresh
 * start shows the same companies, people and deals.
 */
export const COMPANY_PREFIXES = [
  'Northwind',
  'Blue Harbor',
  'Crescent',
  'Evergreen',
  'Summit',
  'Ironbridge',
  'Silverline',
  'Redwood',
  'Brightwater',
  'Oakridge',
  'Pioneer',
  'Granite',
  'Lumen',
  'Vertex',
  'Harbor Point',
  'Maple',
  'Cobalt',
  'Sterling',
  'Foxglove',
  'Kestrel',
  'Meridian',
  'Orchard',
  'Quarry',
  'Tidewater',
  'Willow',
  'Zephyr',
] as const;

export const COMPANY_SUFFIXES = [
  'Logistics',
  'Analytics',
  'Foods',
  'Health',
  'Robotics',
  'Energy',
  'Capital',
  'Studios',
  'Labs',
  'Manufacturing',
  'Retail',
  'Systems',
] as const;

/** Industry by suffix, so a company's name and industry agree. */
export const INDUSTRY_OF_SUFFIX: Readonly<Record<(typeof COMPANY_SUFFIXES)[number], string>> = {
  Logistics: 'Transportation',
  Analytics: 'Software',
  Foods: 'Food & Beverage',
  Health: 'Healthcare',
  Robotics: 'Industrial Automation',
  Energy: 'Energy',
  Capital: 'Financial Services',
  Studios: 'Media',
  Labs: 'Biotechnology',
  Manufacturing: 'Manufacturing',
  Retail: 'Retail',
  Systems: 'Software',
};

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;

export const CITIES = [
  { city: 'Seattle', region: 'WA', country: 'US', territory: 'US-West' },
  { city: 'San Francisco', region: 'CA', country: 'US', territory: 'US-West' },
  { city: 'Denver', region: 'CO', country: 'US', territory: 'US-West' },
  { city: 'Vancouver', region: 'BC', country: 'CA', territory: 'Canada' },
  { city: 'Boston', region: 'MA', country: 'US', territory: 'US-East' },
  { city: 'New York', region: 'NY', country: 'US', territory: 'US-East' },
  { city: 'London', region: null, country: 'GB', territory: 'Europe' },
  { city: 'Berlin', region: null, country: 'DE', territory: 'Europe' },
] as const;

export const FIRST_NAMES = [
  'Amelia',
  'Benjamin',
  'Chloe',
  'Daniel',
  'Elena',
  'Felix',
  'Grace',
  'Henry',
  'Isla',
  'Jack',
  'Keira',
  'Liam',
  'Mia',
  'Noah',
  'Olivia',
  'Priya',
  'Quentin',
  'Rosa',
  'Samuel',
  'Tara',
  'Umar',
  'Vera',
  'William',
  'Yara',
  'Zane',
] as const;

export const LAST_NAMES = [
  'Adams',
  'Becker',
  'Chen',
  'Diaz',
  'Edwards',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ivanova',
  'Johnson',
  'Kim',
  'Lopez',
  'Murphy',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Taylor',
  'Ueda',
  'Varga',
  'Walsh',
  'Young',
] as const;

export const TITLES = [
  'CEO',
  'CFO',
  'CTO',
  'VP Sales',
  'VP Operations',
  'Head of Procurement',
  'IT Director',
  'Operations Manager',
  'Finance Manager',
  'Product Manager',
  'Office Manager',
  'Engineer',
] as const;

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
] as const satisfies readonly LifecycleStage[];

export const LEAD_SOURCES = [
  'web',
  'referral',
  'event',
  'cold_call',
  'email',
  'social',
  'partner',
  'advertising',
] as const satisfies readonly LeadSource[];

/** Every status appears; converted leads point at the contact and company they became. */
export const LEAD_STATUSES = [
  'new',
  'contacted',
  'qualified',
  'unqualified',
  'converted',
] as const satisfies readonly LeadStatus[];

export interface DemoStage {
  name: string;
  probability: string;
  kind: 'open' | 'won' | 'lost';
}

export const DEMO_PIPELINES: readonly { name: string; isDefault: boolean; stages: readonly DemoStage[] }[] = [
  {
    name: 'New business',
    isDefault: true,
    stages: [
      { name: 'Qualification', probability: '10', kind: 'open' },
      { name: 'Discovery', probability: '25', kind: 'open' },
      { name: 'Proposal', probability: '50', kind: 'open' },
      { name: 'Negotiation', probability: '75', kind: 'open' },
      { name: 'Closed won', probability: '100', kind: 'won' },
      { name: 'Closed lost', probability: '0', kind: 'lost' },
    ],
  },
  {
    name: 'Renewals',
    isDefault: false,
    stages: [
      { name: 'Up for renewal', probability: '40', kind: 'open' },
      { name: 'Quote sent', probability: '70', kind: 'open' },
      { name: 'Renewed', probability: '100', kind: 'won' },
      { name: 'Churned', probability: '0', kind: 'lost' },
    ],
  },
];

export const DEAL_PRODUCTS = [
  'Platform licence',
  'Onboarding package',
  'Support plan',
  'Expansion',
  'Pilot',
] as const;
export const WON_REASONS = [
  'Best fit for their workflow',
  'Price',
  'Existing relationship',
  'Faster rollout',
] as const;
export const LOST_REASONS = [
  'Went with a competitor',
  'No budget this year',
  'Project cancelled',
  'No decision',
] as const;
export const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP'] as const;

export const ACTIVITY_SUBJECTS: Readonly<
  Record<'note' | 'call' | 'meeting' | 'email' | 'task', readonly string[]>
> = {
  note: ['Budget confirmed for next quarter', 'Prefers annual billing', 'Security review needed'],
  call: ['Intro call', 'Follow-up on proposal', 'Pricing questions', 'Check-in'],
  meeting: ['Discovery workshop', 'Demo for the operations team', 'Contract walkthrough'],
  email: ['Sent proposal', 'Shared case study', 'Answered security questionnaire'],
  task: ['Send revised quote', 'Book technical deep-dive', 'Prepare renewal offer'],
};

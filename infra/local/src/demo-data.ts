import type { SystemRoleKey } from '@halooid/shared/auth/system-roles';

export interface DemoUser {
  email: string;
  name: string;
  role: SystemRoleKey;
}

export interface DemoTask {
  title: string;
  description: string;
  status: string;
  priority: string;
  assignee?: string;
  dueInDays?: number;
  labels: string[];
}

export interface DemoTenant {
  slug: string;
  name: string;
  tier: 'free' | 'pro' | 'enterprise';
  users: DemoUser[];
  tasks: DemoTask[];
}

export const DEFAULT_DEMO_PASSWORD = 'Halooid-demo-1';

/** The demo tenants `npm run dev` creates: every system role in Acme, a second tenant to show isolation. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme',
    tier: 'pro',
    users: [
      { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner' },
      { email: 'admin@acme.example', name: 'Adam Admin', role: 'admin' },
      { email: 'member@acme.example', name: 'Maya Member', role: 'member' },
      { email: 'viewer@acme.example', name: 'Victor Viewer', role: 'viewer' },
    ],
    tasks: [
      {
        title: 'Draft the Q1 roadmap',
        description: 'Collect input from sales and support, then propose three themes.',
        status: 'in_progress',
        priority: 'high',
        assignee: 'owner@acme.example',
        dueInDays: 7,
        labels: ['planning'],
      },
      {
        title: 'Fix login redirect on Safari',
        description: 'After sign-in Safari lands on a blank page instead of the dashboard.',
        status: 'todo',
        priority: 'urgent',
        assignee: 'member@acme.example',
        dueInDays: 2,
        labels: ['bug', 'web'],
      },
      {
        title: 'Write onboarding checklist',
        description: 'A one-page checklist for new hires: accounts, hardware, first week.',
        status: 'backlog',
        priority: 'medium',
        labels: ['people'],
      },
      {
        title: 'Review vendor contract',
        description: 'Renewal is due; compare against last year and flag price changes.',
        status: 'in_review',
        priority: 'medium',
        assignee: 'admin@acme.example',
        dueInDays: 14,
        labels: ['legal'],
      },
      {
        title: 'Publish release notes 2.3',
        description: 'Summarise the changes for customers.',
        status: 'done',
        priority: 'low',
        assignee: 'member@acme.example',
        labels: ['docs'],
      },
      {
        title: 'Clean up old feature flags',
        description: 'Remove flags that have been on for every tenant for three months.',
        status: 'backlog',
        priority: 'low',
        labels: ['tech-debt'],
      },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex',
    tier: 'free',
    users: [{ email: 'owner@globex.example', name: 'Grace Owner', role: 'owner' }],
    tasks: [
      {
        title: 'Prepare board meeting deck',
        description: 'Numbers for the quarter and the hiring plan.',
        status: 'todo',
        priority: 'high',
        assignee: 'owner@globex.example',
        dueInDays: 5,
        labels: ['finance'],
      },
      {
        title: 'Set up the new warehouse',
        description: 'Shelving, scanners and the first stock count.',
        status: 'backlog',
        priority: 'medium',
        labels: ['operations'],
      },
    ],
  },
];

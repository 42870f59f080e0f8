/**
 * Taskodex's demo data for `npm run dev`, by demo tenant slug: loose tasks,
 * projects with their tasks, and who logs no time there. The platform's demo
 * seed (infra/local/src/seed.ts) makes the tenants and users
 * (infra/local/src/demo-data.ts) and then calls ./seed.ts, which writes these.
 * People are named by email.
 */
export interface DemoTask {
  title: string;
  description: string;
  status: string;
  priority: string;
  assignee?: string;
  dueInDays?: number;
  labels: string[];
}

/** A task inside a demo project; `subtasks` become its children (same project). */
export interface DemoProjectTask extends DemoTask {
  startInDays?: number;
  estimateHours?: number;
  subtasks?: DemoProjectTask[];
}

export interface DemoProject {
  key: string;
  name: string;
  description: string;
  lead: string;
  isPrivate?: boolean;
  /** Members besides the lead (who is an admin). */
  members: { email: string; role: 'admin' | 'member' | 'viewer' }[];
  clientName?: string;
  billable?: boolean;
  hourlyRate?: number;
  startInDays?: number;
  targetInDays?: number;
  /** A custom workflow; the default one when absent. */
  states?: { key: string; name: string; colour: string; group: string }[];
  tasks: DemoProjectTask[];
}

export interface TaskodexDemoTenant {
  tasks: DemoTask[];
  /** Taskodex projects with their tasks (look tasks up by title to extend the seed). */
  projects: DemoProject[];
  /**
   * People whose working week is already booked in another demo tenant: the
   * seed logs no time for them here, so their hours are not counted twice.
   */
  tracksNoTime?: string[];
}

export const TASKODEX_DEMO: Readonly<Record<string, TaskodexDemoTenant>> = {
  acme: {
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
    projects: acmeProjects(),
  },
  globex: {
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
    projects: globexProjects(),
    // Maya Member of Acme helps here too (one account, two tenants).
    tracksNoTime: ['member@acme.example'],
  },
};

/** Globex's one project, where Maya Member (from Acme) helps with the warehouse opening. */
function globexProjects(): DemoProject[] {
  const owner = 'owner@globex.example';
  const member = 'member@acme.example';
  return [
    {
      key: 'WH',
      name: 'Warehouse opening',
      description:
        'Open the new Springfield warehouse: fit-out, scanners, staff training and the first stock count.',
      lead: owner,
      members: [{ email: member, role: 'member' }],
      startInDays: -7,
      targetInDays: 30,
      tasks: [
        {
          title: 'Order shelving and barcode scanners',
          description:
            'Three quotes for pallet racking; 12 handheld scanners that work with the stock system.',
          status: 'in_progress',
          priority: 'high',
          assignee: member,
          startInDays: -2,
          dueInDays: 4,
          labels: ['procurement'],
          estimateHours: 6,
        },
        {
          title: 'Train the night shift on the scanners',
          description: 'Two one-hour sessions; a laminated cheat sheet by each packing station.',
          status: 'todo',
          priority: 'medium',
          assignee: member,
          dueInDays: 9,
          labels: ['training'],
          estimateHours: 4,
        },
        {
          title: 'Plan the first stock count',
          description: 'Count by zone over one weekend; agree the tolerance with finance.',
          status: 'backlog',
          priority: 'medium',
          assignee: owner,
          labels: ['operations'],
        },
        {
          title: 'Sign the warehouse lease',
          description: 'Five years with a break clause after three.',
          status: 'done',
          priority: 'high',
          assignee: owner,
          labels: ['legal'],
        },
      ],
    },
  ];
}

/** Acme's Taskodex projects: a client website (billable), a mobile app with its own workflow, and a private ops project. */
function acmeProjects(): DemoProject[] {
  const owner = 'owner@acme.example';
  const admin = 'admin@acme.example';
  const member = 'member@acme.example';
  const viewer = 'viewer@acme.example';
  return [
    {
      key: 'WEB',
      name: 'Website relaunch',
      description: 'New marketing site for Initech: design system, CMS migration and a faster checkout.',
      lead: admin,
      members: [
        { email: member, role: 'member' },
        { email: owner, role: 'member' },
        { email: viewer, role: 'viewer' },
      ],
      clientName: 'Initech',
      billable: true,
      hourlyRate: 120,
      startInDays: -21,
      targetInDays: 45,
      tasks: [
        {
          title: 'Design system: colours, type and spacing tokens',
          description: 'Agree on the tokens with the client and publish them as CSS variables.',
          status: 'done',
          priority: 'high',
          assignee: member,
          labels: ['design'],
          estimateHours: 16,
        },
        {
          title: 'Migrate blog posts from the old CMS',
          description: 'About 340 posts; keep slugs and redirects, convert shortcodes to blocks.',
          status: 'in_progress',
          priority: 'medium',
          assignee: member,
          startInDays: -3,
          dueInDays: 6,
          labels: ['cms', 'content'],
          estimateHours: 24,
          subtasks: [
            {
              title: 'Export posts and media as JSON',
              description: 'Use the old CMS export API; include authors and categories.',
              status: 'done',
              priority: 'medium',
              assignee: member,
              labels: ['cms'],
              estimateHours: 4,
            },
            {
              title: 'Write the import script',
              description: 'Idempotent, so it can be re-run on the final cut-over day.',
              status: 'in_progress',
              priority: 'medium',
              assignee: member,
              dueInDays: 3,
              labels: ['cms'],
              estimateHours: 8,
            },
            {
              title: 'Set up 301 redirects for old URLs',
              description: 'Generate the redirect map from the export.',
              status: 'todo',
              priority: 'high',
              labels: ['seo'],
              estimateHours: 3,
            },
          ],
        },
        {
          title: 'Checkout: one-page flow',
          description: 'Replace the three-step checkout; measure conversion before and after.',
          status: 'in_review',
          priority: 'urgent',
          assignee: admin,
          dueInDays: 1,
          labels: ['checkout'],
          estimateHours: 20,
        },
        {
          title: 'Accessibility audit of the new templates',
          description: 'WCAG 2.2 AA: keyboard paths, contrast, landmarks, form errors.',
          status: 'todo',
          priority: 'high',
          assignee: owner,
          dueInDays: 10,
          labels: ['a11y'],
          estimateHours: 8,
        },
        {
          title: 'Cookie banner copy',
          description: 'Waiting on the client’s legal team.',
          status: 'backlog',
          priority: 'low',
          labels: ['content', 'legal'],
        },
        {
          title: 'Animated hero video',
          description: 'Dropped: the client prefers a static illustration.',
          status: 'cancelled',
          priority: 'none',
          labels: ['design'],
        },
      ],
    },
    {
      key: 'MOB',
      name: 'Mobile app 2.0',
      description: 'Offline mode, push notifications and a new onboarding for the field app.',
      lead: member,
      members: [{ email: admin, role: 'admin' }],
      startInDays: -10,
      targetInDays: 80,
      states: [
        { key: 'backlog', name: 'Backlog', colour: '#94a3b8', group: 'backlog' },
        { key: 'ready', name: 'Ready', colour: '#64748b', group: 'unstarted' },
        { key: 'in_progress', name: 'In progress', colour: '#f59e0b', group: 'started' },
        { key: 'qa', name: 'QA', colour: '#8b5cf6', group: 'started' },
        { key: 'released', name: 'Released', colour: '#22c55e', group: 'completed' },
        { key: 'wont_do', name: "Won't do", colour: '#ef4444', group: 'cancelled' },
      ],
      tasks: [
        {
          title: 'Offline sync for work orders',
          description:
            'Queue changes locally, sync on reconnect, resolve conflicts last-writer-wins per field.',
          status: 'in_progress',
          priority: 'urgent',
          assignee: member,
          startInDays: -5,
          dueInDays: 12,
          labels: ['offline'],
          estimateHours: 40,
          subtasks: [
            {
              title: 'Local database schema',
              description: 'SQLite tables mirroring the work order API.',
              status: 'released',
              priority: 'high',
              assignee: member,
              labels: ['offline'],
              estimateHours: 6,
            },
            {
              title: 'Conflict resolution rules',
              description: 'Document and implement per-field last-writer-wins.',
              status: 'ready',
              priority: 'high',
              assignee: admin,
              labels: ['offline'],
              estimateHours: 10,
            },
          ],
        },
        {
          title: 'Push notifications for new assignments',
          description: 'APNs and FCM through one provider; deep link into the work order.',
          status: 'qa',
          priority: 'high',
          assignee: admin,
          dueInDays: 4,
          labels: ['notifications'],
          estimateHours: 12,
        },
        {
          title: 'New onboarding screens',
          description: 'Three screens, skippable; explain offline mode.',
          status: 'ready',
          priority: 'medium',
          labels: ['design', 'onboarding'],
          estimateHours: 8,
        },
        {
          title: 'Crash on Android 10 when opening the camera',
          description: 'Reported by two customers; stack trace in the crash reporter.',
          status: 'backlog',
          priority: 'urgent',
          labels: ['bug', 'android'],
        },
        {
          title: 'Tablet layout',
          description: 'Not for 2.0: too few tablet users.',
          status: 'wont_do',
          priority: 'low',
          labels: ['design'],
        },
      ],
    },
    {
      key: 'OPS',
      name: 'Operations and security',
      description: 'Infrastructure, security reviews and vendor renewals. Private: owners and admins only.',
      lead: owner,
      isPrivate: true,
      members: [{ email: admin, role: 'admin' }],
      tasks: [
        {
          title: 'Rotate database credentials',
          description: 'Quarterly rotation; update the secrets store and restart the workers.',
          status: 'todo',
          priority: 'high',
          assignee: admin,
          dueInDays: 1,
          labels: ['security'],
          estimateHours: 2,
        },
        {
          title: 'Penetration test follow-ups',
          description: 'Fix the two medium findings from the external test.',
          status: 'in_progress',
          priority: 'urgent',
          assignee: admin,
          dueInDays: 5,
          labels: ['security'],
          estimateHours: 12,
        },
        {
          title: 'Renew the TLS wildcard certificate',
          description: 'Expires next month.',
          status: 'done',
          priority: 'medium',
          assignee: owner,
          labels: ['infra'],
          estimateHours: 1,
        },
        {
          title: 'Evaluate a second cloud region',
          description: 'Cost and latency estimate for a warm standby.',
          status: 'backlog',
          priority: 'low',
          labels: ['infra'],
        },
      ],
    },
  ];
}

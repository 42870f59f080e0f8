import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import type { SeededPeople } from './seed';

/**
 * Acme's leave setup: four leave types, the policies that grant them by
 * location, this year's monthly accruals (the rows the accrual job would have
 * written, so balances are there from the first start; the job skips periods
 * already in the ledger), and requests in every state: past approved ones
 * (with their `taken` rows), some waiting for Maya Member (Ethan's manager) and
 * one waiting for HR's second step, so the approvals inbox and the team
 * calendar have something to show.
 */
const LEAVE_TYPES = [
  {
    key: 'annual',
    name: 'Annual leave',
    kind: 'annual',
    paid: true,
    approval: 'manager',
    color: '#2563eb',
    tracks: true,
  },
  {
    key: 'sick',
    name: 'Sick leave',
    kind: 'sick',
    paid: true,
    approval: 'manager',
    color: '#dc2626',
    tracks: true,
    attachmentAfter: '3',
  },
  {
    key: 'unpaid',
    name: 'Unpaid leave',
    kind: 'unpaid',
    paid: false,
    approval: 'manager_then_hr',
    color: '#6b7280',
    tracks: false,
  },
  {
    key: 'study',
    name: 'Study leave',
    kind: 'custom',
    paid: true,
    approval: 'manager_then_hr',
    color: '#7c3aed',
    tracks: true,
  },
] as const;

const POLICIES: readonly {
  name: string;
  type: (typeof LEAVE_TYPES)[number]['key'];
  yearly: string;
  carryOverCap: string | null;
  expiryMonths: number | null;
  locations: readonly string[] | null;
  types: readonly string[] | null;
}[] = [
  {
    name: 'Annual leave — Germany',
    type: 'annual',
    yearly: '30',
    carryOverCap: '5',
    expiryMonths: 3,
    locations: ['berlin', 'remote'],
    types: null,
  },
  {
    name: 'Annual leave — United States',
    type: 'annual',
    yearly: '20',
    carryOverCap: '5',
    expiryMonths: null,
    locations: ['new-york'],
    types: null,
  },
  {
    name: 'Sick leave',
    type: 'sick',
    yearly: '12',
    carryOverCap: '0',
    expiryMonths: null,
    locations: null,
    types: null,
  },
  {
    name: 'Study leave',
    type: 'study',
    yearly: '3',
    carryOverCap: '0',
    expiryMonths: null,
    locations: null,
    types: ['full_time'],
  },
];

/** A demo request: who, which type, when (working days from today, Monday-based), its state. */
const REQUESTS: readonly {
  who: string;
  type: 'annual' | 'sick' | 'study' | 'unpaid';
  startInDays: number;
  days: number;
  status: 'approved' | 'pending' | 'rejected';
  /** For a pending manager_then_hr request: the manager has approved, HR has not. */
  atHr?: boolean;
  reason: string;
}[] = [
  { who: 'se2', type: 'annual', startInDays: 14, days: 5, status: 'pending', reason: 'Family visit' },
  { who: 'qa1', type: 'annual', startInDays: 21, days: 3, status: 'pending', reason: 'Long weekend' },
  {
    who: 'se4',
    type: 'study',
    startInDays: 10,
    days: 2,
    status: 'pending',
    atHr: true,
    reason: 'Certification exam',
  },
  { who: 'se3', type: 'annual', startInDays: -1, days: 4, status: 'approved', reason: 'Holiday' },
  { who: 'ae1', type: 'annual', startInDays: 7, days: 5, status: 'approved', reason: 'Trip' },
  { who: 'mk1', type: 'sick', startInDays: -2, days: 2, status: 'approved', reason: 'Flu' },
  { who: 'fa2', type: 'annual', startInDays: -30, days: 5, status: 'approved', reason: 'Summer break' },
  { who: 'se1', type: 'annual', startInDays: -20, days: 2, status: 'approved', reason: 'Moving flat' },
  {
    who: 'ae2',
    type: 'annual',
    startInDays: 30,
    days: 10,
    status: 'rejected',
    reason: 'Round-the-world trip',
  },
  { who: 'se7', type: 'unpaid', startInDays: 40, days: 5, status: 'pending', reason: 'Volunteering' },
];

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The weekday `offset` working days (Mon–Fri) from `from`, and the span of `days` working days from there. */
function workingSpan(from: Date, offset: number, days: number): { start: string; end: string } {
  const step = (date: Date, by: number) => new Date(date.getTime() + by * 86_400_000);
  let cursor = step(from, offset);
  while (cursor.getUTCDay() === 0 || cursor.getUTCDay() === 6) cursor = step(cursor, 1);
  const start = cursor;
  let counted = 1;
  while (counted < days) {
    cursor = step(cursor, 1);
    if (cursor.getUTCDay() !== 0 && cursor.getUTCDay() !== 6) counted += 1;
  }
  return { start: day(start), end: day(cursor) };
}

export async function seedTimeOff(
  tx: Tx,
  tenantId: string,
  people: SeededPeople,
  today: Date,
): Promise<void> {
  const types = new Map<string, string>();
  for (const type of LEAVE_TYPES) {
    const id = uuidv7();
    types.set(type.key, id);
    await tx.query(
      `insert into qultrix.leave_types
         (tenant_id, id, name, kind, paid, unit, attachment_after_days, approval, tracks_balance, color)
       values ($1, $2, $3, $4, $5, 'days', $6, $7, $8, $9)`,
      [
        tenantId,
        id,
        type.name,
        type.kind,
        type.paid,
        'attachmentAfter' in type ? type.attachmentAfter : null,
        type.approval,
        type.tracks,
        type.color,
      ],
    );
  }
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  for (const policy of POLICIES) {
    const policyId = uuidv7();
    const typeId = types.get(policy.type);
    await tx.query(
      `insert into qultrix.leave_policies
         (tenant_id, id, leave_type_id, name, yearly_entitlement, accrual, prorate, carry_over_cap,
          carry_over_expiry_months, employment_types, location_ids)
       values ($1, $2, $3, $4, $5, 'monthly', true, $6, $7, $8, $9)`,
      [
        tenantId,
        policyId,
        typeId,
        policy.name,
        policy.yearly,
        policy.carryOverCap,
        policy.expiryMonths,
        policy.types,
        policy.locations?.map((key) => people.locations.get(key)) ?? null,
      ],
    );
    // This year's accruals so far, one row per month (entitlement / 12), from the hire month on.
    for (const employee of people.employees.values()) {
      const { spec, hireDate } = employee;
      if (policy.types && !policy.types.includes(spec.type ?? 'full_time')) continue;
      if (policy.locations && !policy.locations.includes(spec.location)) continue;
      const hired = new Date(`${hireDate}T00:00:00Z`);
      const firstMonth = hired.getUTCFullYear() < year ? 1 : hired.getUTCMonth() + 1;
      for (let m = firstMonth; m <= month; m += 1) {
        const period = `${year}-${String(m).padStart(2, '0')}`;
        await tx.query(
          `insert into qultrix.leave_ledger
             (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date, period, policy_id, note)
           values ($1, $2, $3, $4, 'accrual', round($5::numeric / 12, 3), $6, $7, $8, 'Monthly accrual')`,
          [tenantId, uuidv7(), employee.id, typeId, policy.yearly, `${period}-01`, period, policyId],
        );
      }
    }
  }

  const hr = people.employees.get('hr');
  for (const request of REQUESTS) {
    const employee = people.employees.get(request.who);
    const typeId = types.get(request.type);
    const type = LEAVE_TYPES.find((candidate) => candidate.key === request.type);
    if (!employee || !typeId || !type)
      throw new Error(`Qultrix demo request names unknown ${request.who}/${request.type}`);
    const manager = employee.spec.manager ? people.employees.get(employee.spec.manager) : undefined;
    const { start, end } = workingSpan(today, request.startInDays, request.days);
    const id = uuidv7();
    const pendingStep = request.status === 'pending' ? (request.atHr ? 2 : 1) : null;
    await tx.query(
      `insert into qultrix.leave_requests
         (tenant_id, id, employee_id, leave_type_id, start_date, end_date, amount, reason, status, current_step,
          requested_by, decided_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        tenantId,
        id,
        employee.id,
        typeId,
        start,
        end,
        request.days,
        request.reason,
        request.status,
        pendingStep,
        employee.userId,
        request.status === 'pending' ? null : today,
      ],
    );
    const deciders: { step: number; by: string | null | undefined; decision: 'approved' | 'rejected' }[] = [];
    if (request.status === 'approved') {
      deciders.push({ step: 1, by: manager?.userId ?? hr?.userId, decision: 'approved' });
      if (type.approval === 'manager_then_hr')
        deciders.push({ step: 2, by: hr?.userId, decision: 'approved' });
    } else if (request.status === 'rejected') {
      deciders.push({ step: 1, by: manager?.userId ?? hr?.userId, decision: 'rejected' });
    } else if (request.atHr) {
      deciders.push({ step: 1, by: manager?.userId ?? hr?.userId, decision: 'approved' });
    }
    for (const decider of deciders) {
      // Demo managers without a sign-in decide as HR (Hana), who holds the admin permission.
      const by = decider.by ?? hr?.userId;
      if (!by) continue;
      await tx.query(
        `insert into qultrix.leave_approvals (tenant_id, request_id, step, decision, decided_by, comment)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          tenantId,
          id,
          decider.step,
          decider.decision,
          by,
          decider.decision === 'approved' ? 'Enjoy!' : 'Too long in the busy season',
        ],
      );
    }
    if (request.status === 'approved' && type.tracks)
      await tx.query(
        `insert into qultrix.leave_ledger
           (tenant_id, id, employee_id, leave_type_id, kind, amount, effective_date, request_id, note)
         values ($1, $2, $3, $4, 'taken', -$5::numeric, $6, $7, $8)`,
        [tenantId, uuidv7(), employee.id, typeId, request.days, start, id, type.name],
      );
  }
}

import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import type { DemoSeeder, DemoTenantContext } from '@halooid/shared/product';
import { seedCompensation } from './compensation';
import { DEMO_DEPARTMENTS, DEMO_EMPLOYEES, DEMO_HOLIDAYS, DEMO_LOCATIONS, type DemoEmployee } from './data';
import { seedTimeOff } from './time-off';

/** What the organization part of the seed made, by demo key, for the parts that follow. */
export interface SeededPeople {
  employees: Map<string, { id: string; userId: string | null; hireDate: string; spec: DemoEmployee }>;
  locations: Map<string, string>;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** A hire date `months` before today, on a day of the month that varies between people. */
function monthsAgo(today: Date, months: number): string {
  return dayOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1 + (months % 27))));
}

/** Six months after a hire date: the end of probation. */
function probationEnd(hireDate: string): string {
  const hired = new Date(`${hireDate}T00:00:00Z`);
  return dayOf(new Date(Date.UTC(hired.getUTCFullYear(), hired.getUTCMonth() + 6, hired.getUTCDate())));
}

/**
 * Qultrix's demo seeder (product.ts `demoSeed`): Acme's organization and its
 * 40 people (functions/qultrix/demo/data.ts). Only Acme gets Qultrix data;
 * the demo users are linked to their employees so every role sees its own.
 */
export const seedDemo: DemoSeeder = async (tx, tenant) => {
  if (tenant.slug !== 'acme') return;
  const today = new Date();
  const people = await seedPeople(tx, tenant, today);
  await seedTimeOff(tx, tenant.tenantId, people, today);
  await seedCompensation(tx, tenant.tenantId, people, today);
};

export async function seedPeople(tx: Tx, tenant: DemoTenantContext, today: Date): Promise<SeededPeople> {
  const { tenantId } = tenant;
  const userByEmail = new Map(tenant.users.map((user) => [user.email, user.id]));

  const departments = new Map<string, string>();
  for (const department of DEMO_DEPARTMENTS) {
    const id = uuidv7();
    departments.set(department.key, id);
    await tx.query(
      'insert into qultrix.departments (tenant_id, id, name, code, parent_id) values ($1, $2, $3, $4, $5)',
      [
        tenantId,
        id,
        department.name,
        department.code,
        department.parent ? departments.get(department.parent) : null,
      ],
    );
  }

  const calendars = new Map<string, string>();
  const year = today.getUTCFullYear();
  for (const [key, holidays] of Object.entries(DEMO_HOLIDAYS)) {
    const id = uuidv7();
    calendars.set(key, id);
    const name = key === 'germany' ? 'Germany' : 'United States';
    await tx.query('insert into qultrix.holiday_calendars (tenant_id, id, name) values ($1, $2, $3)', [
      tenantId,
      id,
      name,
    ]);
    for (const y of [year, year + 1])
      for (const [monthDay, holiday] of holidays)
        await tx.query(
          'insert into qultrix.holidays (tenant_id, calendar_id, holiday_date, name) values ($1, $2, $3, $4)',
          [tenantId, id, `${y}-${monthDay}`, holiday],
        );
  }

  const locations = new Map<string, string>();
  for (const location of DEMO_LOCATIONS) {
    const id = uuidv7();
    locations.set(location.key, id);
    await tx.query(
      'insert into qultrix.locations (tenant_id, id, name, time_zone, holiday_calendar_id) values ($1, $2, $3, $4, $5)',
      [tenantId, id, location.name, location.timeZone, calendars.get(location.calendar)],
    );
  }

  const positions = new Map<string, string>();
  for (const employee of DEMO_EMPLOYEES) {
    if (positions.has(employee.position)) continue;
    const id = uuidv7();
    positions.set(employee.position, id);
    await tx.query(
      'insert into qultrix.positions (tenant_id, id, title, department_id) values ($1, $2, $3, $4)',
      [tenantId, id, employee.position, departments.get(employee.department)],
    );
  }

  // In list order (managers come before their reports), so numbers follow seniority: the CEO is EMP-0001.
  const employees: SeededPeople['employees'] = new Map();
  const owner = tenant.users[0];
  for (const spec of DEMO_EMPLOYEES) {
    const id = uuidv7();
    const userId = spec.user ? (userByEmail.get(spec.user) ?? null) : null;
    const hireDate = monthsAgo(today, spec.hiredMonthsAgo);
    const emailName = `${spec.given}.${spec.family}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    employees.set(spec.key, { id, userId, hireDate, spec });
    await tx.query(
      `insert into qultrix.employees
         (tenant_id, id, given_name, family_name, work_email, phones, status, employment_type, hire_date,
          probation_end_date, department_id, position_id, location_id, manager_id, fte, user_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        tenantId,
        id,
        spec.given,
        spec.family,
        spec.user ?? `${emailName}@acme.example`,
        JSON.stringify([{ type: 'work', number: `+49 30 5550 ${String(1000 + employees.size).slice(1)}` }]),
        spec.status ?? 'active',
        spec.type ?? 'full_time',
        hireDate,
        spec.hiredMonthsAgo < 6 ? probationEnd(hireDate) : null,
        departments.get(spec.department),
        positions.get(spec.position),
        locations.get(spec.location),
        spec.manager ? employees.get(spec.manager)?.id : null,
        spec.fte ?? '1',
        userId,
        owner?.id ?? null,
      ],
    );
  }
  // Department heads: the most senior person of each department (the first in the list).
  for (const department of DEMO_DEPARTMENTS) {
    const head = DEMO_EMPLOYEES.find(
      (employee) => employee.department === department.key && employee.key !== 'hr' && employee.key !== 'it',
    );
    if (head)
      await tx.query('update qultrix.departments set head_id = $3 where tenant_id = $1 and id = $2', [
        tenantId,
        departments.get(department.key),
        employees.get(head.key)?.id,
      ]);
  }
  return { employees, locations };
}

import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { sealField } from '../domain/sealing';
import { DEMO_LOCATIONS } from './data';
import type { SeededPeople } from './seed';

/**
 * Compensation history (sealed like any other: domain/sealing.ts) and a few
 * job changes, so the profile's compensation and history tabs show something:
 * everyone hired over a year ago started at 90% of today's salary and got a
 * raise on 1 January; Maya Member was promoted to Engineering Manager a year
 * ago; one transfer is scheduled for next month and waits for the daily job.
 */
export async function seedCompensation(
  tx: Tx,
  tenantId: string,
  people: SeededPeople,
  today: Date,
): Promise<void> {
  const year = today.getUTCFullYear();
  const currencyOf = new Map(DEMO_LOCATIONS.map((location) => [location.key, location.currency]));
  for (const employee of people.employees.values()) {
    const { spec } = employee;
    const currency = currencyOf.get(spec.location) ?? 'EUR';
    const rows: { date: string; salary: string; reason: string }[] =
      spec.hiredMonthsAgo > 12
        ? [
            {
              date: employee.hireDate,
              salary: String(Math.round((Number(spec.salary) * 9) / 10)),
              reason: 'Hire',
            },
            { date: `${year}-01-01`, salary: spec.salary, reason: 'Annual review' },
          ]
        : [{ date: employee.hireDate, salary: spec.salary, reason: 'Hire' }];
    for (const row of rows) {
      const id = uuidv7();
      const salary = await sealField(
        'compensation.salary',
        { tenantId, employeeId: employee.id, rowId: id },
        row.salary,
      );
      await tx.query(
        `insert into qultrix.compensation
           (tenant_id, id, employee_id, effective_date, salary_sealed, currency, pay_frequency, reason)
         values ($1, $2, $3, $4, $5, $6, 'yearly', $7)`,
        [tenantId, id, employee.id, row.date, salary, currency, row.reason],
      );
    }
  }

  const maya = people.employees.get('em1');
  const marco = people.employees.get('mk4');
  if (maya)
    await tx.query(
      `insert into qultrix.job_changes
         (tenant_id, id, employee_id, kind, effective_date, status, fields, position_id, note, applied_at)
       select $1, $2, $3, 'promotion', $4, 'applied', '{positionId}', position_id, 'Leads the platform team', now()
         from qultrix.employees where tenant_id = $1 and id = $3`,
      [tenantId, uuidv7(), maya.id, day(addMonths(today, -12))],
    );
  const newYork = people.locations.get('new-york');
  if (marco && newYork)
    await tx.query(
      `insert into qultrix.job_changes
         (tenant_id, id, employee_id, kind, effective_date, status, fields, location_id, note)
       values ($1, $2, $3, 'transfer', $4, 'scheduled', '{locationId}', $5, 'Moves to the New York office')`,
      [tenantId, uuidv7(), marco.id, day(addMonths(today, 1)), newYork],
    );
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const addMonths = (date: Date, months: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
